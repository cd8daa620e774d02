import Foundation

/// The render stage: each chapter's article, rendered as soon as its outputs are known.
///
/// Rendering starts while chapters still run. When the first chapter has to run, the
/// book's formulas go to KaTeX in the background (one `node` process for the whole build),
/// and every chapter that finishes has its article rendered right away by its own worker.
/// The publish stage (`SiteBuilder.build`) then only assembles pages. A build where nothing runs never
/// starts any of this.
final class RenderStage: @unchecked Sendable {
  private let chapters: [Chapter]
  private let apparatus: BookApparatus
  private let cacheFile: URL
  private let lock = NSLock()
  private var renderer: ArticleRenderer?
  private let typesetting = DispatchGroup()

  init(chapters: [Chapter], apparatus: BookApparatus, cacheFile: URL) {
    self.chapters = chapters
    self.apparatus = apparatus
    self.cacheFile = cacheFile
  }

  /// Renders `chapter`'s article now that its outputs are known.
  func chapterFinished(_ chapter: Chapter, outputs: [CellOutput]) {
    let renderer = started()
    typesetting.wait()
    renderer.prerender(chapter, outputs: outputs, in: chapters)
  }

  /// The renderer for the publish stage: the one already at work, or a new one.
  func finalRenderer() -> ArticleRenderer {
    let existing = lock.withLock { renderer }
    typesetting.wait()
    return existing
      ?? ArticleRenderer(cacheFile: cacheFile, apparatus: apparatus)
  }

  private func started() -> ArticleRenderer {
    lock.withLock {
      if let renderer { return renderer }
      let fresh = ArticleRenderer(cacheFile: cacheFile, apparatus: apparatus)
      renderer = fresh
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
