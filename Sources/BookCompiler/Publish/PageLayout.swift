/// The frame every page shares: head, sidebar (search, theme toggle, table of contents by
/// part), main column, in-page outline.
struct PageLayout {
  /// The book's title, language and parts.
  var manifest: BookManifest
  /// Every chapter, in order, for the sidebar.
  var chapters: [Chapter]
  /// Each chapter's title as HTML, formulas typeset, by chapter path (from its article).
  var titles: [String: String] = [:]

  /// The book's title.
  var bookTitle: String { manifest.title }

  /// Whether a chapter's title holds a formula: the sidebar shows every title, so then every
  /// page needs KaTeX's CSS.
  var titlesHaveMath: Bool { titles.values.contains { $0.contains("class=\"katex") } }

  /// `chapter`'s title as HTML: typeset when its article has been rendered, else escaped.
  func title(of chapter: Chapter) -> String {
    titles[chapter.path] ?? HTML.escape(chapter.title)
  }

  /// The chapters grouped by the book's parts, in order, leaving out empty parts. A chapter
  /// is matched to its part by file name; the loader has checked that each is listed once.
  func grouped() -> [(name: String, chapters: [Chapter])] {
    var byFile = [String: Chapter]()
    for chapter in chapters { byFile[chapter.baseName + ".md"] = chapter }
    return manifest.parts.compactMap { part in
      let members = part.chapters.compactMap { byFile[$0] }
      return members.isEmpty ? nil : (part.name, members)
    }
  }

  /// Sets the saved theme before the first paint, so a dark page never flashes light.
  static let themeScript =
    "<script>try{var t=localStorage.getItem(\"rlbook-theme\");if(t==\"dark\"||t==\"light\")document.documentElement.setAttribute(\"data-theme\",t)}catch(e){}</script>"

  /// A whole HTML page. `current` marks the chapter in the sidebar; `math` links KaTeX's CSS.
  func page(
    title: String, current: Chapter?, body: String, outline: [ChapterRenderer.OutlineEntry],
    math: Bool, description: String? = nil
  ) -> String {
    var toc = "<nav class=\"sidebar\" aria-label=\"Book\">\n"
    toc += "<a class=\"book-title\" href=\"index.html\">\(HTML.escape(bookTitle))</a>\n"
    toc += """
      <div class="tools" hidden><form class="search" role="search" action="#" autocomplete="off">\
      <label class="visually-hidden" for="search">Search the book</label>\
      <input id="search" type="search" placeholder="Search the book" \
      aria-describedby="search-status" aria-controls="search-results"></form>\
      <button class="theme-toggle" type="button" aria-label="Dark theme" aria-pressed="false">\
      <span aria-hidden="true">◐</span></button></div>
      <p id="search-status" class="visually-hidden" aria-live="polite"></p>
      <ol id="search-results" class="search-results" hidden></ol>

      """
    toc +=
      "<details class=\"chapters-panel\" open><summary>Chapters</summary>\n<ol class=\"parts\">\n"
    for group in grouped() {
      toc += "<li><span class=\"part\">\(HTML.escape(group.name))</span>\n<ol class=\"toc\">\n"
      for chapter in group.chapters {
        let isCurrent = chapter.path == current?.path
        toc += "<li\(isCurrent ? " class=\"current\"" : "")><a href=\"\(chapter.pageName)\""
        toc += isCurrent ? " aria-current=\"page\">" : ">"
        toc +=
          "<span class=\"num\">\(chapter.number).</span> \(self.title(of: chapter))</a></li>\n"
      }
      toc += "</ol></li>\n"
    }
    toc += "</ol>\n"
    if manifest.bibliography != nil {
      toc +=
        "<p class=\"back-matter\"><a href=\"\(CitationRenderer.referencesPage)\">References</a></p>\n"
    }
    if manifest.glossary != nil {
      toc += "<p class=\"back-matter\"><a href=\"\(Glossary.page)\">Glossary</a></p>\n"
    }
    if manifest.notation != nil {
      toc += "<p class=\"back-matter\"><a href=\"\(Notation.page)\">Notation</a></p>\n"
    }
    if manifest.librarySources != nil {
      toc +=
        "<p class=\"back-matter\"><a href=\"\(SourcePages.indexPage)\">Library source</a></p>\n"
    }
    toc +=
      "<p class=\"whole-book\"><a href=\"print.html\">The whole book on one page</a></p>\n"
    toc += "</details>\n"
    toc += "</nav>\n"
    var onThisPage = ""
    let sections = outline.filter { $0.level == 2 || $0.level == 3 }
    if !sections.isEmpty {
      onThisPage = "<nav class=\"outline\" aria-labelledby=\"outline-title\">"
      onThisPage += "<h2 id=\"outline-title\">On this page</h2><ul>\n"
      for entry in sections {
        onThisPage += "<li class=\"level-\(entry.level)\"><a href=\"#\(entry.anchor)\">"
        onThisPage += entry.html + "</a></li>\n"
      }
      onThisPage += "</ul></nav>\n"
    }
    let mathCSS = math ? "<link rel=\"stylesheet\" href=\"assets/katex/katex.min.css\">\n" : ""
    var meta =
      description.map { "<meta name=\"description\" content=\"\(HTML.escape($0))\">\n" } ?? ""
    if !manifest.authors.isEmpty {
      let authors = HTML.escape(manifest.authors.joined(separator: ", "))
      meta += "<meta name=\"author\" content=\"\(authors)\">\n"
    }
    return """
      <!DOCTYPE html>
      <html lang="\(HTML.escape(manifest.language))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="color-scheme" content="light dark">
      <link rel="icon" href="data:,">
      <title>\(HTML.escape(title))</title>
      \(meta)\(Self.themeScript)
      <link rel="stylesheet" href="assets/book.css">
      \(mathCSS)<script src="assets/book.js" defer></script>
      </head>
      <body>
      <a class="skip" href="#content">Skip to content</a>
      <div class="layout">
      \(toc)<main id="content">
      \(body)</main>
      \(onThisPage)</div>
      </body>
      </html>

      """
  }

  /// Previous and next links for `chapter`.
  func pager(for chapter: Chapter) -> String {
    guard let i = chapters.firstIndex(where: { $0.path == chapter.path }) else { return "" }
    var html = "<nav class=\"pager\" aria-label=\"Previous and next chapters\">"
    if i > 0 {
      let previous = chapters[i - 1]
      html += "<a class=\"prev\" rel=\"prev\" href=\"\(previous.pageName)\"><span>Previous</span>"
      html += "\(previous.number). \(title(of: previous))</a>"
    } else {
      html += "<a class=\"prev\" rel=\"prev\" href=\"index.html\"><span>Previous</span>Contents</a>"
    }
    if i + 1 < chapters.count {
      let next = chapters[i + 1]
      html += "<a class=\"next\" rel=\"next\" href=\"\(next.pageName)\"><span>Next</span>"
      html += "\(next.number). \(title(of: next))</a>"
    }
    return html + "</nav>\n"
  }
}
