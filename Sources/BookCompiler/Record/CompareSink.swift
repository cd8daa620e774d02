import Foundation

/// The sink of `rlbook test`: compares each chapter's fresh outputs with its recorded ones
/// and reports a unified diff for each cell that differs.
public struct CompareSink: OutputSink {
  /// The book's root.
  public var root: URL
  /// Comparing: every chapter runs fresh, and no site is written.
  public let traits = SinkTraits.compare

  /// A sink for the book at `root`.
  public init(root: URL) {
    self.root = root
  }

  /// Adds a mismatch for every cell whose output differs from the record.
  public func accept(
    _ outcome: inout ChapterOutcome, of chapter: Chapter, rerun: () -> ChapterOutcome
  ) {
    let text = try? String(contentsOf: chapter.outputsURL(in: root), encoding: .utf8)
    outcome.mismatches += OutputComparison.mismatches(
      chapter: chapter, recorded: text.flatMap(RecordedOutputs.parse), actual: outcome.outputs)
  }
}
