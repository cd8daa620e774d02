import Foundation

/// Builds every file of the site, as paths and contents, from the chapters and their outputs.
public struct SiteBuilder {
  /// The book's title, shown on every page.
  public var bookTitle = "Reinforcement Learning for Language Models, in Swift"
  /// A sentence under the title on the contents page.
  public var tagline =
    "An executable book: from the agent–environment loop to PPO, GRPO and DPO. Every number and plot comes from code that ran."

  /// Creates a builder with the default title.
  public init() {}

  /// The site's files, keyed by their path inside `site/`.
  public func build(chapters: [Chapter], outputs: [String: [CellOutput]]) -> [String: Data] {
    let layout = PageLayout(bookTitle: bookTitle, chapters: chapters)
    let renderer = ChapterRenderer()
    var files = [String: Data]()
    for chapter in chapters {
      let (article, outline) = renderer.render(chapter, outputs: outputs[chapter.path] ?? [])
      let body =
        "<article class=\"chapter\">\n<p class=\"chapter-number\">Chapter \(chapter.number)</p>\n"
        + article + "</article>\n" + layout.pager(for: chapter)
      let page = layout.page(
        title: "\(chapter.number). \(chapter.title) · \(bookTitle)", current: chapter, body: body,
        outline: outline)
      files[chapter.pageName] = Data(page.utf8)
    }
    files["index.html"] = Data(
      layout.page(title: bookTitle, current: nil, body: contents(chapters), outline: []).utf8)
    files["assets/book.css"] = Data(Stylesheet.css.utf8)
    files["assets/book.js"] = Data(Stylesheet.script.utf8)
    return files
  }

  private func contents(_ chapters: [Chapter]) -> String {
    var html = "<article class=\"contents\"><h1>\(HTML.escape(bookTitle))</h1>\n"
    html +=
      "<p class=\"tagline\">\(HTML.escape(tagline))</p>\n<h2 id=\"contents\">Contents</h2>\n<ol class=\"contents-list\">\n"
    for chapter in chapters {
      html += "<li><a href=\"\(chapter.pageName)\"><span class=\"num\">\(chapter.number).</span> "
      html += "\(HTML.escape(chapter.title))</a></li>\n"
    }
    return html + "</ol></article>\n"
  }
}
