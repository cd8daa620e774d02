import Foundation

/// The sink of `rlbook test --check-determinism`: compares with the record like
/// `CompareSink`, then runs the chapter a second time and names every cell whose output
/// changed between the two runs.
public struct DeterminismSink: OutputSink {
  /// The comparison with the record.
  public var compare: CompareSink
  /// Comparing: every chapter runs fresh, and no site is written.
  public let traits = SinkTraits.compare

  /// A sink for the book at `root`.
  public init(root: URL) {
    compare = CompareSink(root: root)
  }

  /// Compares with the record, then with a second run.
  public func accept(
    _ outcome: inout ChapterOutcome, of chapter: Chapter, rerun: () -> ChapterOutcome
  ) {
    compare.accept(&outcome, of: chapter, rerun: rerun)
    let again = rerun()
    outcome.errors += again.errors
    outcome.mismatches += OutputComparison.mismatches(
      chapter: chapter, recorded: outcome.outputs, actual: again.outputs,
      labels: ("first run", "second run"),
      complaint: "output is not deterministic: it differs between two runs")
  }
}
