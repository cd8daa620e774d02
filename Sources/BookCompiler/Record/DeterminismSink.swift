import Foundation

/// The sink of `rlbook test --check-determinism`: compares with the record like
/// `CompareSink`, then runs the chapter a second time and names every cell whose output
/// changed between the two runs.
public struct DeterminismSink: OutputSink {
  /// The comparison with the record.
  public var compare: CompareSink

  /// A sink for the book at `root`.
  public init(root: URL) {
    compare = CompareSink(root: root)
  }

  public var stage: PipelineStage { .compare }
  public var usesCache: Bool { false }
  public var publishesSite: Bool { false }

  /// Compares with the record, then with a second run.
  public func receive(
    _ outcome: ChapterOutcome, of chapter: Chapter, rerun: () -> ChapterOutcome
  ) -> ChapterOutcome {
    var outcome = compare.receive(outcome, of: chapter, rerun: rerun)
    guard outcome.errors.isEmpty else { return outcome }
    let again = rerun()
    outcome.errors += again.errors
    outcome.mismatches += OutputComparison.mismatches(
      chapter: chapter, recorded: outcome.outputs, actual: again.outputs,
      labels: ("first run", "second run"),
      complaint: "output is not deterministic: it differs between two runs")
    return outcome
  }
}
