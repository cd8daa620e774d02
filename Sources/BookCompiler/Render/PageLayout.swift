/// The frame every page shares: head, sidebar table of contents, main column and footer.
struct PageLayout {
  /// The book's title.
  var bookTitle: String
  /// Every chapter, in order, for the sidebar.
  var chapters: [Chapter]

  /// A whole HTML page. `current` marks the chapter in the sidebar.
  func page(title: String, current: Chapter?, body: String, outline: [ChapterRenderer.OutlineEntry])
    -> String
  {
    var toc =
      "<nav class=\"sidebar\" aria-label=\"Chapters\"><a class=\"book-title\" href=\"index.html\">"
    toc += HTML.escape(bookTitle) + "</a>\n<ol class=\"toc\">\n"
    for chapter in chapters {
      let isCurrent = chapter.path == current?.path
      toc += "<li\(isCurrent ? " class=\"current\"" : "")><a href=\"\(chapter.pageName)\""
      toc += isCurrent ? " aria-current=\"page\">" : ">"
      toc +=
        "<span class=\"num\">\(chapter.number).</span> \(HTML.escape(chapter.title))</a></li>\n"
    }
    toc += "</ol></nav>\n"
    var onThisPage = ""
    let sections = outline.filter { $0.level == 2 || $0.level == 3 }
    if !sections.isEmpty {
      onThisPage = "<nav class=\"outline\" aria-label=\"On this page\"><h2>On this page</h2><ul>\n"
      for entry in sections {
        onThisPage += "<li class=\"level-\(entry.level)\"><a href=\"#\(entry.anchor)\">"
        onThisPage += HTML.escape(entry.text) + "</a></li>\n"
      }
      onThisPage += "</ul></nav>\n"
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTML.escape(title))</title>
      <link rel="stylesheet" href="assets/book.css">
      <script src="assets/book.js" defer></script>
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
      html += "\(previous.number). \(HTML.escape(previous.title))</a>"
    } else {
      html += "<a class=\"prev\" rel=\"prev\" href=\"index.html\"><span>Previous</span>Contents</a>"
    }
    if i + 1 < chapters.count {
      let next = chapters[i + 1]
      html += "<a class=\"next\" rel=\"next\" href=\"\(next.pageName)\"><span>Next</span>"
      html += "\(next.number). \(HTML.escape(next.title))</a>"
    }
    return html + "</nav>\n"
  }
}
