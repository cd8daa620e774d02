import Foundation

/// Where a chapter's outputs go once they are known: the one stage in which `build`, `test`
/// and `test --check-determinism` differ.
///
/// - `RecordSink` (build) writes the outputs beside the chapter; the site is then rendered.
/// - `CompareSink` (test) compares fresh outputs with the recorded ones.
/// - `DeterminismSink` (test twice) compares, then runs again and compares the two runs.
public protocol OutputSink: Sendable {
  /// `record` or `compare`: the stage named in this sink's errors.
  var stage: PipelineStage { get }
  /// Whether outputs from the cache may stand in for a run (and fresh ones are cached).
  var usesCache: Bool { get }
  /// Whether the site is rendered and published once every chapter succeeded.
  var publishesSite: Bool { get }

  /// Takes one chapter's outcome and returns it with what this sink found (a record that
  /// could not be written, outputs that differ). `rerun` compiles and runs the chapter
  /// again, fresh.
  func receive(
    _ outcome: ChapterOutcome, of chapter: Chapter, rerun: () -> ChapterOutcome
  ) -> ChapterOutcome
}
