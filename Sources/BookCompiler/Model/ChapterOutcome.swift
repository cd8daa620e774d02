/// What the pipeline made of one chapter: where its outputs came from, the outputs, and
/// every problem found on the way. The one per-chapter result type, from execution to the
/// final report.
public struct ChapterOutcome: Sendable {
  /// How the chapter's outputs were obtained.
  public enum Source: Sendable, Equatable {
    /// Taken from the cache: nothing was compiled or run.
    case cached
    /// Compiled and run.
    case ran
    /// Compiling or running failed (see `errors`).
    case failed
  }

  /// The chapter's path relative to the book's root.
  public var path: String
  /// Cached, ran or failed.
  public var source: Source
  /// Each cell's output, indexed like the chapter's cells; empty for cells that never ran.
  public var outputs: [CellOutput]
  /// Problems: compile errors, traps, timeouts, a record that cannot be written.
  public var errors: [BookError] = []
  /// What does not fail the chapter but its author should see (severity `.warning`), such
  /// as a picture that was refused and shown as text.
  public var warnings: [BookError] = []
  /// In `test`, a unified diff for each cell whose output differs from the record.
  public var mismatches: [String] = []
  /// Seconds spent compiling (zero when cached).
  public var compileSeconds = 0.0
  /// Seconds spent running (zero when cached).
  public var runSeconds = 0.0

  /// Creates an outcome.
  public init(
    path: String, source: Source, outputs: [CellOutput], errors: [BookError] = [],
    compileSeconds: Double = 0, runSeconds: Double = 0
  ) {
    self.path = path
    self.source = source
    self.outputs = outputs
    self.errors = errors
    self.compileSeconds = compileSeconds
    self.runSeconds = runSeconds
  }

  /// Whether the chapter ran (or came from the cache) with no error and no difference.
  public var succeeded: Bool { errors.isEmpty && mismatches.isEmpty }

  /// Records an error found after the run (writing the record, say), marking the chapter as
  /// failed.
  mutating func fail(with error: BookError) {
    errors.append(error)
    source = .failed
  }
}
