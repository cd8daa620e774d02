import Foundation

/// Where a chapter's outputs go once they are known: the one stage in which `build`, `test`
/// and `test --check-determinism` differ.
///
/// - `RecordSink` (build) writes the outputs beside the chapter; the site is then rendered.
/// - `CompareSink` (test) compares fresh outputs with the recorded ones.
/// - `DeterminismSink` (test twice) compares, then runs again and compares the two runs.
public protocol OutputSink: Sendable {
  /// What the rest of the pipeline does around this sink.
  var traits: SinkTraits { get }

  /// Takes the outcome of a chapter that ran (or came from the cache) without error, and
  /// adds what this sink finds: a record that cannot be written, outputs that differ.
  /// `rerun` compiles and runs the chapter again, fresh.
  func accept(_ outcome: inout ChapterOutcome, of chapter: Chapter, rerun: () -> ChapterOutcome)

  /// Called once every chapter went through the sink, with the whole book's chapters.
  func finish(chapters: [Chapter])
}

/// What the pipeline does around a sink: whether it may use the cache and whether a site is
/// published after it.
public struct SinkTraits: Sendable, Equatable {
  /// `record` or `compare`: the stage named in the sink's errors.
  public var stage: PipelineStage
  /// Whether outputs from the cache may stand in for a run (and fresh ones are cached).
  public var usesCache: Bool
  /// Whether the site is rendered and published once every chapter succeeded.
  public var publishesSite: Bool

  /// Recording: the cache is used and the site is published.
  public static let record = SinkTraits(stage: .record, usesCache: true, publishesSite: true)
  /// Comparing: every chapter runs fresh, and no site is written.
  public static let compare = SinkTraits(stage: .compare, usesCache: false, publishesSite: false)
}

extension OutputSink {
  /// Nothing to do at the end, by default.
  public func finish(chapters: [Chapter]) {}

  /// The outcome after this sink: unchanged when the chapter already failed, otherwise
  /// with what `accept` found.
  public func receive(
    _ outcome: ChapterOutcome, of chapter: Chapter, rerun: () -> ChapterOutcome
  ) -> ChapterOutcome {
    guard outcome.errors.isEmpty else { return outcome }
    var outcome = outcome
    accept(&outcome, of: chapter, rerun: rerun)
    return outcome
  }
}
