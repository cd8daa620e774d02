import Foundation

/// Renders chapters' articles (the chapter's HTML inside `<article>`, its outline, its search
/// sections and its form for `print.html`) and keeps them in the render cache, so that only
/// chapters whose source or outputs changed are rendered again.
///
/// Shared by every worker of a build: the cache inside is guarded by a lock.
public struct ArticleRenderer: Sendable {
  /// Typeset formulas, highlighted code and rendered articles, shared by every thread of a
  /// build and saved by `save()`.
  private let cache: RenderCache
  /// The works that citations refer to, the library, the glossary and the notation.
  public let apparatus: BookApparatus
  /// The library's public names and where they are defined.
  let links: SymbolLinks
  /// The glossary's terms, linked at their first use in each chapter.
  let terms: GlossaryTerms

  /// The works that citations refer to.
  public var bibliography: Bibliography { apparatus.bibliography }
  /// The library's sources, for its pages and the links from code to definitions.
  public var library: Library? { apparatus.library }

  /// A renderer whose formulas, highlighted code and articles are remembered in `cacheFile`
  /// between builds (`nil`: only in memory).
  public init(cacheFile: URL? = nil, apparatus: BookApparatus = BookApparatus()) {
    cache = RenderCache(url: cacheFile)
    self.apparatus = apparatus
    links = SymbolLinks(library: apparatus.library)
    terms = GlossaryTerms(apparatus.glossary)
  }

  /// The highlighted HTML of Swift `code`, names linked to the library's source pages.
  func highlighted(_ code: String) -> String {
    cache.highlighted(code, links: links)
  }

  /// Every chapter's article, in order: from the cache, or rendered now.
  ///
  /// - Throws: `BookErrors` for formulas that KaTeX cannot parse (at their chapter and
  ///   line); `EnvironmentError` when node or KaTeX is missing.
  func articles(for chapters: [Chapter], outputs: [String: [CellOutput]]) throws
    -> [RenderCache.CachedArticle]
  {
    let keys = chapters.map { articleKey($0, outputs: outputs[$0.path] ?? [], in: chapters) }
    // Only chapters whose source or outputs changed are rendered again.
    let stale = zip(chapters, keys).filter { cache.article($1) == nil }.map(\.0)
    let prepared = stale.map(ChapterRenderer.Prepared.init)
    let math = try typeset(prepared, cache: cache)
    var fresh = [String: RenderCache.CachedArticle]()
    for prep in prepared {
      fresh[prep.chapter.path] = store(
        prep, math: math[prep.chapter.path] ?? [], outputs: outputs[prep.chapter.path] ?? [],
        in: chapters)
    }
    return try zip(chapters, keys).map { chapter, key in
      guard let article = fresh[chapter.path] ?? cache.article(key) else {
        throw EnvironmentError.unreadable(path: "the rendered article of \(chapter.path)")
      }
      return article
    }
  }

  /// Keeps the entries this build used, and drops the others.
  func save() {
    cache.save()
  }

  /// Typesets every formula of `chapters` that is not cached yet, in one `node` process.
  /// Formulas that fail are left for `build` to report.
  public func typesetFormulas(of chapters: [Chapter]) {
    _ = try? typeset(chapters.map(ChapterRenderer.Prepared.init), cache: cache)
  }

  /// Renders one chapter's article as soon as its outputs are known, so that rendering does
  /// not wait for unrelated chapters. Call `typesetFormulas` first; a chapter whose formulas
  /// are not all typeset is left for `build`.
  public func prerender(_ chapter: Chapter, outputs: [CellOutput], in chapters: [Chapter]) {
    let key = articleKey(chapter, outputs: outputs, in: chapters)
    guard cache.article(key) == nil else { return }
    let prep = ChapterRenderer.Prepared(chapter)
    guard let math = try? typeset([prep], cache: cache) else { return }
    store(prep, math: math[chapter.path] ?? [], outputs: outputs, in: chapters)
  }

  /// Renders a prepared chapter, stores its article in the cache and returns it.
  @discardableResult
  private func store(
    _ prep: ChapterRenderer.Prepared, math: [String], outputs: [CellOutput], in chapters: [Chapter]
  ) -> RenderCache.CachedArticle {
    let chapter = prep.chapter
    let rendered = ChapterRenderer(
      cells: CellRenderer(cache: cache, links: links),
      citations: CitationRenderer(bibliography: bibliography), terms: terms,
      chapters: chapters
    )
    .render(prep, math: math, outputs: outputs)
    let article = RenderCache.CachedArticle(
      rendered: rendered,
      printable: printable(Self.article(chapter, rendered), chapter: chapter, chapters: chapters))
    cache.storeArticle(article, key: articleKey(chapter, outputs: outputs, in: chapters))
    return article
  }

  /// The cache key of a chapter's article: its source, its outputs, the chapter list (links
  /// between chapters depend on it), the bibliography (citations do), the library's names
  /// (code links to them) and the library code it shows.
  private func articleKey(_ chapter: Chapter, outputs: [CellOutput], in chapters: [Chapter])
    -> String
  {
    StableHasher.digest(
      [
        Self.version, chapter.path, chapter.source,
        chapters.map { "\($0.number) \($0.baseName)" }.joined(separator: " "),
        bibliography.fingerprint, links.digest, terms.fingerprint,
        chapter.codeBlocks.compactMap(\.excerpt).map { "\($0.address)\n\($0.code)" }
          .joined(separator: "\u{1E}"),
        RecordedOutputs.serialize(outputs, chapterPath: chapter.path),
      ]
      .joined(separator: "\u{1F}"))
  }

  /// The version of the rendering: bump it when the HTML of an article changes (or KaTeX's
  /// options do), so cached articles and a current site stamp are not reused.
  static let version = "article-6"

  /// The `<article>` element of a chapter's page.
  /// A chapter with cells offers its code as one program (`ChapterScript`).
  static func article(_ chapter: Chapter, _ rendered: ChapterRenderer.Rendered) -> String {
    var header = "<p class=\"chapter-number\">Chapter \(chapter.number)"
    if !chapter.cells.isEmpty {
      let file = ChapterScript.fileName(of: chapter)
      header +=
        "<span class=\"chapter-code\"> · <a href=\"\(file)\" download>Download the code</a>"
        + " · run it from the book's folder with <code>rlbook run \(file)</code></span>"
    }
    return "<article class=\"chapter\" id=\"\(chapter.baseName)\">\n" + header + "</p>\n"
      + rendered.html + "</article>\n"
  }

  /// The HTML of every formula, per chapter path, in order; typesets new ones in one batch.
  private func typeset(_ prepared: [ChapterRenderer.Prepared], cache: RenderCache) throws
    -> [String: [String]]
  {
    try typeset(prepared.map { ($0.chapter.path, $0.formulas) })
  }

  /// The HTML of every formula of each group (a file's path and its formulas), in order; new
  /// ones are typeset in one batch. A formula that fails is an error at its file and line.
  func typeset(_ groups: [(path: String, formulas: [Formula])]) throws -> [String: [String]] {
    var missing = [Formula]()
    var seen = Set<String>()
    var failures = [String: String]()
    for group in groups {
      for formula in group.formulas where cache.math(formula) == nil && !seen.contains(formula.key)
      {
        seen.insert(formula.key)
        if let command = KaTeX.forbiddenCommand(in: formula.tex) {
          failures[formula.key] = "\(command) is not allowed in a formula (put links in the prose)"
        } else {
          missing.append(formula)
        }
      }
    }
    if !missing.isEmpty {
      let results = try KaTeX.render(missing.map { ($0.tex, $0.display) })
      for (formula, result) in zip(missing, results) {
        switch result {
        case .html(let html): cache.storeMath(formula, html: html)
        case .error(let message): failures[formula.key] = message
        }
      }
    }
    var errors = [BookError]()
    var html = [String: [String]]()
    for group in groups {
      html[group.path] = group.formulas.map { formula in
        if let message = failures[formula.key] {
          errors.append(
            BookError(
              stage: .render, path: group.path, line: formula.line,
              message: "this formula does not typeset: \(message)",
              detail: (formula.display ? "$$" : "$") + formula.tex + (formula.display ? "$$" : "$"))
          )
          return ""
        }
        return cache.math(formula) ?? ""
      }
    }
    if !errors.isEmpty { throw BookErrors(errors) }
    return html
  }

  /// A chapter's article made to live inside `print.html`: its ids and `#` links get the
  /// chapter's name as a prefix, and links to other chapters point inside the page.
  private func printable(_ article: String, chapter: Chapter, chapters: [Chapter]) -> String {
    let prefix = chapter.baseName + "--"
    let articleTag = "<article class=\"chapter\" id=\""
    var pairs = [
      (articleTag, articleTag), (" id=\"", " id=\"\(prefix)"), (" href=\"#", " href=\"#\(prefix)"),
    ]
    for other in chapters {
      pairs.append((" href=\"\(other.pageName)#", " href=\"#\(other.baseName)--"))
      pairs.append((" href=\"\(other.pageName)\"", " href=\"#\(other.baseName)\""))
    }
    // The references are part of print.html too.
    pairs.append(
      (" href=\"\(CitationRenderer.referencesPage)#", " href=\"#\(ReferencesPage.printPrefix)"))
    pairs.append((" href=\"\(Glossary.page)#", " href=\"#\(BackMatterPages.printPrefix)"))
    return TextReplacement.replacing(article, pairs)
  }

}
