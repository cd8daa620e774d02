/// The result of a whole build or test: every chapter's outcome and every problem.
public struct BuildReport: Sendable {
  /// Problems found while loading the book: files that cannot be read or parsed.
  public var loadErrors: [BookError] = []
  /// One outcome per chapter that was processed, in the book's order.
  public var chapters: [ChapterOutcome] = []
  /// Problems found while rendering and publishing the site (formulas that do not parse).
  public var siteErrors: [BookError] = []
  /// Whether the site was written.
  public var wroteSite = false
  /// Whether `site/` was already built from exactly these inputs, so nothing was rendered.
  public var siteWasCurrent = false
  /// Seconds spent finding and parsing the chapters.
  public var parseSeconds = 0.0
  /// Seconds spent rendering the site and swapping it in.
  public var renderSeconds = 0.0

  /// What does not fail the build but the author should see, such as refused pictures.
  public var warnings: [BookError] { chapters.flatMap(\.warnings) }
  /// Every problem, in the order of the pipeline: loading, the chapters, the site.
  public var errors: [BookError] { loadErrors + chapters.flatMap(\.errors) + siteErrors }
  /// In `test`, a unified diff for each cell whose output differs from the record.
  public var mismatches: [String] { chapters.flatMap(\.mismatches) }
  /// Whether everything succeeded.
  public var succeeded: Bool { errors.isEmpty && mismatches.isEmpty }
}
