import Foundation

/// Builds every file of the site, as paths and contents, from the chapters' articles: one
/// page per chapter and its code as one program (`NN-slug.swift`), the library's source pages,
/// the contents page, the references page (when the book has a
/// bibliography), `print.html` (the whole book on one page), the search index, and the assets (the stylesheet, the script, KaTeX's CSS and woff2 fonts).
public struct SiteBuilder: Sendable {
  /// The book's title, subtitle, authors, language and parts, from `book.toml`.
  public var manifest: BookManifest
  /// Where the articles come from.
  public var articles: ArticleRenderer

  /// Creates a builder for the book that `manifest` describes.
  public init(manifest: BookManifest, articles: ArticleRenderer) {
    self.manifest = manifest
    self.articles = articles
  }

  /// The book's title, shown on every page.
  private var bookTitle: String { manifest.title }

  /// The site's files, keyed by their path inside `site/`.
  ///
  /// - Throws: `BookErrors` for formulas that KaTeX cannot parse (at their chapter and
  ///   line); `EnvironmentError` when node or KaTeX is missing.
  public func build(chapters: [Chapter], outputs: [String: [CellOutput]]) throws -> [String: Data] {
    let rendered = try articles.articles(for: chapters, outputs: outputs)
    var layout = PageLayout(manifest: manifest, chapters: chapters)
    for (chapter, cached) in zip(chapters, rendered) {
      layout.titles[chapter.path] = cached.rendered.outline.first { $0.level == 1 }
        .map { Self.withoutLinks($0.html) }
    }
    let titlesHaveMath = layout.titlesHaveMath
    var files = [String: Data]()
    var sections = [SearchIndex.Section]()
    var printBody = ""
    var anyMath = false
    for (chapter, cached) in zip(chapters, rendered) {
      let rendered = cached.rendered
      let hasMath = titlesHaveMath || rendered.html.contains("class=\"katex")
      anyMath = anyMath || hasMath
      sections += rendered.sections
      let page = layout.page(
        title: "\(chapter.number). \(TeXText.plain(chapter.title)) · \(bookTitle)",
        current: chapter,
        body: ArticleRenderer.article(chapter, rendered) + layout.pager(for: chapter),
        outline: rendered.outline, math: hasMath)
      files[chapter.pageName] = Data(page.utf8)
      if !chapter.cells.isEmpty {
        files[ChapterScript.fileName(of: chapter)] = Data(
          ChapterScript.source(of: chapter, bookTitle: bookTitle, mapsLines: false).utf8)
      }
      printBody += cached.printable
    }
    files["index.html"] = Data(
      layout.page(
        title: bookTitle, current: nil, body: contents(layout), outline: [],
        math: titlesHaveMath,
        description: manifest.description
      ).utf8)
    let references = ReferencesPage(bibliography: articles.bibliography, chapters: chapters)
    let apparatus = try apparatusPages(layout, chapters: chapters, references: references)
    files.merge(apparatus.files) { a, _ in a }
    anyMath = anyMath || apparatus.math
    let printPage = layout.page(
      title: "\(bookTitle) · the whole book", current: nil,
      body: "<div class=\"whole-book-page\">\n" + contents(layout, local: true) + printBody
        + apparatus.printable + "</div>\n",
      outline: [], math: anyMath || titlesHaveMath)
    files["print.html"] = Data(printPage.utf8)
    files["assets/book.css"] = Data(Stylesheet.css.utf8)
    files["assets/book.js"] = Data(Stylesheet.script.utf8)
    files["assets/search-index.js"] = Data(SearchIndex.script(sections).utf8)
    if anyMath || titlesHaveMath {
      files.merge(try KaTeX.assets()) { a, _ in a }
    }
    articles.save()
    return files
  }

  /// The pages around the chapters: the glossary, the notation, the library's sources and the
  /// references, as the book has them; and whether any of them needs KaTeX.
  private func apparatusPages(
    _ layout: PageLayout, chapters: [Chapter], references: ReferencesPage
  ) throws -> (files: [String: Data], math: Bool, printable: String) {
    var files = [String: Data]()
    var math = false
    // The references, glossary and notation end print.html too.
    var printable = references.isEmpty ? "" : references.article(local: true)
    let backMatter = BackMatterPages(apparatus: articles.apparatus, chapters: chapters)
    if manifest.glossary != nil {
      files[Glossary.page] = Data(
        layout.page(
          title: "Glossary · \(bookTitle)", current: nil, body: backMatter.glossary(),
          outline: [], math: layout.titlesHaveMath
        ).utf8)
      printable += backMatter.glossary(local: true)
    }
    if let path = manifest.notation {
      let body = try backMatter.notation { formulas in
        try articles.typeset([(path, formulas)])[path] ?? []
      }
      files[Notation.page] = Data(
        layout.page(
          title: "Notation · \(bookTitle)", current: nil, body: body, outline: [], math: true
        ).utf8)
      printable += body
      math = true
    }
    if let library = articles.library {
      let pages = SourcePages(library: library, highlight: articles.highlighted)
      for page in pages.pages() {
        files[page.file] = Data(
          layout.page(
            title: "\(page.title) · \(bookTitle)", current: nil, body: page.body, outline: [],
            math: layout.titlesHaveMath
          ).utf8)
      }
    }
    if !references.isEmpty {
      files[CitationRenderer.referencesPage] = Data(
        layout.page(
          title: "References · \(bookTitle)", current: nil, body: references.article(),
          outline: [], math: layout.titlesHaveMath
        ).utf8)
    }
    return (files, math, printable)
  }

  /// A key for everything the site is built from: the chapters, their outputs, the assets
  /// and the versions of the renderer and KaTeX. The same key means the same site.
  public func inputsKey(chapters: [Chapter], outputs: [String: [CellOutput]]) -> String {
    var hasher = StableHasher()
    for part in [
      ArticleRenderer.version, manifest.fingerprint, Stylesheet.css, Stylesheet.script,
      KaTeX.version, articles.bibliography.fingerprint, SourcePages.fingerprint(articles.library),
      GlossaryTerms(articles.apparatus.glossary).fingerprint,
      articles.apparatus.notation.symbols.map { $0.tex + "\u{1D}" + $0.meaning }
        .joined(separator: "\u{1E}"),
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

  /// `html` without its `<a>` tags (their text stays), to sit inside a link of its own.
  static func withoutLinks(_ html: String) -> String {
    var out = ""
    var rest = html[...]
    while let open = rest.firstIndex(of: "<") {
      out += rest[..<open]
      let tag = rest[open...]
      if tag.hasPrefix("<a ") || tag.hasPrefix("<a>") || tag.hasPrefix("</a>"),
        let end = tag.firstIndex(of: ">")
      {
        rest = rest[rest.index(after: end)...]
      } else {
        out += "<"
        rest = rest[rest.index(after: open)...]
      }
    }
    return out + rest
  }

  private func contents(_ layout: PageLayout, local: Bool = false) -> String {
    var html = "<article class=\"contents\"><h1>\(HTML.escape(bookTitle))</h1>\n"
    if let subtitle = manifest.subtitle {
      html += "<p class=\"tagline\">\(HTML.escape(subtitle))</p>\n"
    }
    if !manifest.authors.isEmpty {
      html += "<p class=\"authors\">\(HTML.escape(manifest.authors.joined(separator: ", ")))</p>\n"
    }
    html += "<h2 id=\"contents\">Contents</h2>\n"
    for group in layout.grouped() {
      html +=
        "<h3 class=\"part-title\">\(HTML.escape(group.name))</h3>\n<ol class=\"contents-list\">\n"
      for chapter in group.chapters {
        let href = local ? "#\(chapter.baseName)" : chapter.pageName
        html += "<li value=\"\(chapter.number)\"><a href=\"\(href)\">"
        html +=
          "<span class=\"num\">\(chapter.number).</span> \(layout.title(of: chapter))</a></li>\n"
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
