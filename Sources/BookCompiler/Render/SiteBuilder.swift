import Foundation

/// Builds every file of the site, as paths and contents, from the chapters and their outputs:
/// one page per chapter, the contents page, `print.html` (the whole book on one page), the
/// search index, and the assets (the stylesheet, the script, KaTeX's CSS and woff2 fonts).
public struct SiteBuilder: Sendable {
  /// The book's title, shown on every page.
  public var bookTitle = "Reinforcement Learning for Language Models, in Swift"
  /// A sentence under the title on the contents page.
  public var tagline =
    "An executable book: from the agent–environment loop to PPO, GRPO and DPO. Every number and plot comes from code that ran."
  /// Typeset formulas, highlighted code and rendered articles, shared by every thread of a
  /// build and saved at the end of `build`.
  private let cache: RenderCache

  /// Creates a builder with the default title. Formulas, highlighted code and articles are
  /// remembered in `cacheFile` between builds (`nil`: only in memory).
  public init(cacheFile: URL? = nil) {
    cache = RenderCache(url: cacheFile)
  }

  /// The site's files, keyed by their path inside `site/`.
  ///
  /// - Throws: `BookErrors` for formulas that KaTeX cannot parse (at their chapter and
  ///   line); `EnvironmentError` when node or KaTeX is missing.
  public func build(chapters: [Chapter], outputs: [String: [CellOutput]]) throws -> [String: Data] {
    let keys = chapters.map { articleKey($0, outputs: outputs[$0.path] ?? [], in: chapters) }
    // Only chapters whose source or outputs changed are rendered again.
    let stale = zip(chapters, keys).filter { cache.article($1) == nil }.map(\.0)
    let prepared = stale.map(ChapterRenderer.Prepared.init)
    let math = try typeset(prepared, cache: cache)
    for prep in prepared {
      store(
        prep, math: math[prep.chapter.path] ?? [], outputs: outputs[prep.chapter.path] ?? [],
        in: chapters)
    }
    let layout = PageLayout(bookTitle: bookTitle, chapters: chapters)
    var files = [String: Data]()
    var sections = [SearchIndex.Section]()
    var printBody = ""
    var anyMath = false
    for (chapter, key) in zip(chapters, keys) {
      let cached = cache.article(key)!
      let rendered = cached.rendered
      let hasMath = rendered.html.contains("class=\"katex")
      anyMath = anyMath || hasMath
      sections += rendered.sections
      let page = layout.page(
        title: "\(chapter.number). \(chapter.title) · \(bookTitle)", current: chapter,
        body: article(chapter, rendered) + layout.pager(for: chapter), outline: rendered.outline,
        math: hasMath)
      files[chapter.pageName] = Data(page.utf8)
      printBody += cached.printable
    }
    files["index.html"] = Data(
      layout.page(
        title: bookTitle, current: nil, body: contents(layout), outline: [], math: false,
        description: tagline
      ).utf8)
    let printPage = layout.page(
      title: "\(bookTitle) · the whole book", current: nil,
      body: "<div class=\"whole-book-page\">\n" + contents(layout, local: true) + printBody
        + "</div>\n",
      outline: [], math: anyMath)
    files["print.html"] = Data(printPage.utf8)
    files["assets/book.css"] = Data(Stylesheet.css.utf8)
    files["assets/book.js"] = Data(Stylesheet.script.utf8)
    files["assets/search-index.js"] = Data(SearchIndex.script(sections).utf8)
    if anyMath {
      files.merge(try KaTeX.assets()) { a, _ in a }
    }
    cache.save()
    return files
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

  /// Renders a prepared chapter and stores its article in the cache.
  private func store(
    _ prep: ChapterRenderer.Prepared, math: [String], outputs: [CellOutput], in chapters: [Chapter]
  ) {
    let chapter = prep.chapter
    let rendered = ChapterRenderer(cells: CellRenderer(cache: cache))
      .render(prep, math: math, outputs: outputs)
    cache.storeArticle(
      .init(
        rendered: rendered,
        printable: printable(article(chapter, rendered), chapter: chapter, chapters: chapters)),
      key: articleKey(chapter, outputs: outputs, in: chapters))
  }

  /// The cache key of a chapter's article: its source, its outputs, and the chapter list
  /// (links between chapters depend on it).
  private func articleKey(_ chapter: Chapter, outputs: [CellOutput], in chapters: [Chapter])
    -> String
  {
    StableHasher.digest(
      [
        Self.version, chapter.path, chapter.source,
        chapters.map(\.baseName).joined(separator: " "),
        RecordedOutputs.serialize(outputs, chapterPath: chapter.path),
      ]
      .joined(separator: "\u{1F}"))
  }

  /// The version of the rendering: bump it when the HTML of an article changes, so cached
  /// articles are not reused.
  static let version = "article-2"

  /// The `<article>` element of a chapter's page.
  private func article(_ chapter: Chapter, _ rendered: ChapterRenderer.Rendered) -> String {
    "<article class=\"chapter\" id=\"\(chapter.baseName)\">\n"
      + "<p class=\"chapter-number\">Chapter \(chapter.number)</p>\n" + rendered.html
      + "</article>\n"
  }

  /// A key for everything the site is built from: the chapters, their outputs, the assets
  /// and the versions of the renderer and KaTeX. The same key means the same site.
  public func inputsKey(chapters: [Chapter], outputs: [String: [CellOutput]]) -> String {
    var hasher = StableHasher()
    for part in [
      Self.version, bookTitle, tagline, Stylesheet.css, Stylesheet.script, KaTeX.version,
    ] {
      hasher.combine(part)
    }
    for chapter in chapters {
      hasher.combine(chapter.path)
      hasher.combine(chapter.source)
      hasher.combine(
        RecordedOutputs.serialize(outputs[chapter.path] ?? [], chapterPath: chapter.path))
    }
    return hasher.hexDigest
  }

  /// The HTML of every formula, per chapter path, in order; typesets new ones in one batch.
  private func typeset(_ prepared: [ChapterRenderer.Prepared], cache: RenderCache) throws
    -> [String: [String]]
  {
    var missing = [Formula]()
    var seen = Set<String>()
    for prep in prepared {
      for formula in prep.formulas where cache.math(formula) == nil && !seen.contains(formula.key) {
        seen.insert(formula.key)
        missing.append(formula)
      }
    }
    var failures = [String: String]()
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
    for prep in prepared {
      html[prep.chapter.path] = prep.formulas.map { formula in
        if let message = failures[formula.key] {
          errors.append(
            BookError(
              path: prep.chapter.path, line: formula.line,
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
    return TextReplacement.replacing(article, pairs)
  }

  private func contents(_ layout: PageLayout, local: Bool = false) -> String {
    var html = "<article class=\"contents\"><h1>\(HTML.escape(bookTitle))</h1>\n"
    html += "<p class=\"tagline\">\(HTML.escape(tagline))</p>\n"
    html += "<h2 id=\"contents\">Contents</h2>\n"
    for group in layout.grouped() {
      html +=
        "<h3 class=\"part-title\">\(HTML.escape(group.name))</h3>\n<ol class=\"contents-list\">\n"
      for chapter in group.chapters {
        let href = local ? "#\(chapter.baseName)" : chapter.pageName
        html += "<li value=\"\(chapter.number)\"><a href=\"\(href)\">"
        html +=
          "<span class=\"num\">\(chapter.number).</span> \(HTML.escape(chapter.title))</a></li>\n"
      }
      html += "</ol>\n"
    }
    if !local {
      html += "<p class=\"whole-book\">Reading offline or on paper? "
      html +=
        "<a href=\"print.html\">The whole book on one page</a>, ready to print or save as PDF.</p>\n"
    }
    return html + "</article>\n"
  }
}
