import Foundation

/// The sink of `rlbook test`: compares each chapter's fresh outputs with its recorded ones
/// and reports a unified diff for each cell that differs.
public struct CompareSink: OutputSink {
  /// The book's root.
  public var root: URL

  /// A sink for the book at `root`.
  public init(root: URL) {
    self.root = root
  }

  public var stage: PipelineStage { .compare }
  public var usesCache: Bool { false }
  public var publishesSite: Bool { false }

  /// Adds a mismatch for every cell whose output differs from the record.
  public func receive(
    _ outcome: ChapterOutcome, of chapter: Chapter, rerun: () -> ChapterOutcome
  ) -> ChapterOutcome {
    guard outcome.errors.isEmpty else { return outcome }
    var outcome = outcome
    let url = root.appendingPathComponent(chapter.outputsPath)
    let recorded = (try? String(contentsOf: url, encoding: .utf8)).flatMap(RecordedOutputs.parse)
    outcome.mismatches += OutputComparison.mismatches(
      chapter: chapter, recorded: recorded, actual: outcome.outputs)
    return outcome
  }
}
