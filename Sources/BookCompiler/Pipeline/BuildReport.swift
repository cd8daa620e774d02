/// What happened to one chapter in a build.
public struct ChapterReport: Sendable {
  /// How the chapter's outputs were obtained.
  public enum Source: Sendable { case cached, ran, failed }
  /// The chapter's path.
  public var path: String
  /// Cached, ran or failed.
  public var source: Source
  /// Seconds spent compiling (zero when cached).
  public var compileSeconds: Double
  /// Seconds spent running (zero when cached).
  public var runSeconds: Double
}

/// The result of a whole build or test.
public struct BuildReport: Sendable {
  /// Every chapter's problems: parse errors, compile errors, traps, timeouts.
  public var errors: [BookError] = []
  /// Problems that do not fail the build, such as pictures that were refused.
  public var warnings: [BookWarning] = []
  /// In test mode, a unified diff for each cell whose output differs from the record.
  public var mismatches: [String] = []
  /// One entry per chapter that was processed.
  public var chapters: [ChapterReport] = []
  /// Whether the site was written.
  public var wroteSite = false
  /// Whether `site/` was already built from exactly these inputs, so nothing was rendered.
  public var siteWasCurrent = false
  /// Seconds spent finding and parsing the chapters.
  public var parseSeconds = 0.0
  /// Seconds spent rendering the site and swapping it in.
  public var renderSeconds = 0.0

  /// Whether everything succeeded.
  public var succeeded: Bool { errors.isEmpty && mismatches.isEmpty }
}
