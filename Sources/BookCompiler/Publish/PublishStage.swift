import Foundation

/// The publish stage: assembles the site's pages and swaps them into `site/` in one atomic
/// step, unless `site/` was already built from exactly these inputs.
struct PublishStage {
  /// The site folder.
  var siteFolder: URL
  /// What the current `site/` was built from.
  var stamp: SiteStamp
  /// Write the site even when the stamp says it is current.
  var force: Bool

  /// What publishing did.
  enum Result: Sendable, Equatable {
    /// The new site was written and swapped in.
    case written
    /// `site/` was already built from these inputs; nothing was rendered.
    case alreadyCurrent
  }

  /// Publishes the site of `chapters` with their `outputs`.
  ///
  /// - Throws: `BookErrors` for formulas that do not parse; `EnvironmentError` when a tool
  ///   is missing or the site cannot be written.
  func publish(
    with builder: SiteBuilder, chapters: [Chapter], outputs: [String: [CellOutput]]
  ) throws -> Result {
    let key = builder.inputsKey(chapters: chapters, outputs: outputs)
    if !force, stamp.isCurrent(key: key) { return .alreadyCurrent }
    let files = try builder.build(chapters: chapters, outputs: outputs)
    stamp.clear()
    try SiteWriter.write(files, to: siteFolder)
    stamp.record(key: key, files: files)
    return .written
  }
}
