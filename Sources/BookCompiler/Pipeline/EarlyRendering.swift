import Foundation

/// Rendering that starts while chapters still run. When the first chapter has to run, the
/// book's formulas go to KaTeX in the background (one `node` process for the whole build),
/// and every chapter that finishes has its article rendered right away by its own worker.
/// The final `SiteBuilder.build` then only assembles pages. A build where nothing runs never
/// starts any of this.
final class EarlyRendering: @unchecked Sendable {
  private let chapters: [Chapter]
  private let manifest: BookManifest
  private let cacheFile: URL
  private let lock = NSLock()
  private var builder: SiteBuilder?
  private let typesetting = DispatchGroup()

  init(chapters: [Chapter], manifest: BookManifest, cacheFile: URL) {
    self.chapters = chapters
    self.manifest = manifest
    self.cacheFile = cacheFile
  }

  /// Renders `chapter`'s article now that its outputs are known.
  func chapterFinished(_ chapter: Chapter, outputs: [CellOutput]) {
    let builder = started()
    typesetting.wait()
    builder.prerender(chapter, outputs: outputs, in: chapters)
  }

  /// The builder for the final assembly: the one already at work, or a new one.
  func finalBuilder() -> SiteBuilder {
    let existing = lock.withLock { builder }
    typesetting.wait()
    return existing ?? SiteBuilder(manifest: manifest, cacheFile: cacheFile)
  }

  private func started() -> SiteBuilder {
    lock.withLock {
      if let builder { return builder }
      let fresh = SiteBuilder(manifest: manifest, cacheFile: cacheFile)
      builder = fresh
      let chapters = self.chapters
      typesetting.enter()
      DispatchQueue.global().async { [typesetting] in
        fresh.typesetFormulas(of: chapters)
        typesetting.leave()
      }
      return fresh
    }
  }
}
