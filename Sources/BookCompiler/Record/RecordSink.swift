import Foundation

/// The sink of `rlbook build`: writes each chapter's outputs beside it, as
/// `chapters/NN-slug.out`.
public struct RecordSink: OutputSink {
  /// The book's root.
  public var root: URL

  /// A sink for the book at `root`.
  public init(root: URL) {
    self.root = root
  }

  public var stage: PipelineStage { .record }
  public var usesCache: Bool { true }
  public var publishesSite: Bool { true }

  /// Writes the record when it changed, so an unchanged book leaves its files untouched. A
  /// record that cannot be written fails the chapter.
  public func receive(
    _ outcome: ChapterOutcome, of chapter: Chapter, rerun: () -> ChapterOutcome
  ) -> ChapterOutcome {
    guard outcome.errors.isEmpty else { return outcome }
    var outcome = outcome
    let url = root.appendingPathComponent(chapter.outputsPath)
    let text = RecordedOutputs.serialize(outcome.outputs, chapterPath: chapter.path)
    if (try? String(contentsOf: url, encoding: .utf8)) != text {
      do {
        try Data(text.utf8).write(to: url, options: .atomic)
      } catch {
        outcome.fail(
          with: BookError(
            stage: .record, path: chapter.outputsPath,
            message: "cannot write the recorded outputs: \(error.localizedDescription)"))
      }
    }
    return outcome
  }
}
