/// The HTML for code blocks: a Swift cell with its code and output, or any other fenced block.
struct CellRenderer {
  /// Where highlighted Swift comes from.
  var cache: RenderCache
  /// The library's names, linked to their definitions in highlighted Swift.
  var links: SymbolLinks = .none

  /// Output longer than this many lines starts collapsed.
  static let collapseAfterLines = 30

  /// A Swift cell: its code (unless `hidden`) and its output panels.
  /// Its pictures are figures `chapter.firstFigure`, `chapter.firstFigure + 1`, …
  func render(_ cell: Cell, output: CellOutput?, chapter: Int = 0, firstFigure: Int = 1)
    -> String
  {
    let kind = cell.options.exercise ? " exercise" : cell.options.solution ? " solution" : ""
    var html =
      "<section class=\"cell\(kind)\" id=\"cell-\(cell.index + 1)\" data-line=\"\(cell.fenceLine)\">\n"
    if cell.options.solution {
      html += "<details class=\"solution\"><summary>Show solution</summary>\n"
    }
    if !cell.options.hidden {
      var badges = ""
      if cell.options.exercise {
        badges += "<span class=\"badge badge-exercise\">exercise: start here</span>"
      }
      if cell.options.solution { badges += "<span class=\"badge badge-solution\">solution</span>" }
      if cell.options.noRun { badges += "<span class=\"badge\">not run</span>" }
      if cell.options.compileFail {
        badges += "<span class=\"badge badge-error\">does not compile</span>"
      }
      html += codeBlock(cell.code, language: "swift", badges: badges)
    }
    if let output { html += render(output, chapter: chapter, firstFigure: firstFigure) }
    if cell.options.solution { html += "</details>\n" }
    return html + "</section>\n"
  }

  /// The output panels of one cell, in the order the cell produced them.
  func render(_ output: CellOutput, chapter: Int = 0, firstFigure: Int = 1) -> String {
    var html = SearchIndex.skipStart
    var figure = firstFigure
    for item in output.items {
      switch item {
      case .text(let text): html += textPanel(text, kind: "stdout", label: "Output")
      case .svg(let alt, let markup):
        html += "<figure class=\"cell-plot\" id=\"\(FigureNumbers.anchor(figure))\">\n"
        html +=
          Self.labelled(markup, alt: alt) + "\n<figcaption><a class=\"figure-number\" href=\"#"
        // The picture has its own title; its description is for screen readers.
        html += FigureNumbers.anchor(figure) + "\">Figure \(chapter).\(figure)</a>"
        html += "<span class=\"visually-hidden\">: \(HTML.escape(alt))</span></figcaption>\n"
        html += "</figure>\n"
        figure += 1
      case .export: break  // shown where the prose quotes it
      }
    }
    if !output.stderr.isEmpty {
      html += textPanel(output.stderr, kind: "stderr", label: "Standard error")
    }
    if let diagnostic = output.diagnostic {
      html += textPanel(diagnostic, kind: "diagnostic", label: "Compiler diagnostic")
    }
    return html + SearchIndex.skipEnd
  }

  /// A code block with a language label and a copy button; Swift is highlighted.
  func codeBlock(_ code: String, language: String, badges: String = "") -> String {
    let trimmed = code.hasSuffix("\n") ? String(code.dropLast()) : code
    let label = language.isEmpty ? "text" : language
    let body = label == "swift" ? cache.highlighted(trimmed, links: links) : HTML.escape(trimmed)
    return
      "<div class=\"code\">\(SearchIndex.skipStart)<div class=\"code-bar\"><span class=\"lang\">"
      + HTML.escape(label) + "</span>" + badges
      + "<button class=\"copy\" type=\"button\" aria-label=\"Copy code\" hidden>Copy</button></div>"
      + SearchIndex.skipEnd
      + "<pre><code class=\"language-\(HTML.escape(label))\">\(body)</code></pre></div>\n"
  }

  /// The library's code shown by a ```` ```swift source=NAME ```` block, with where it comes
  /// from, linked to the line on the file's page.
  func excerpt(_ excerpt: LibraryExcerpt) -> String {
    let lines =
      excerpt.lines.count == 1
      ? "line \(excerpt.lines.lowerBound)"
      : "lines \(excerpt.lines.lowerBound)–\(excerpt.lines.upperBound)"
    let from =
      "<a class=\"source-link\" href=\"\(HTML.escape(excerpt.address))\">"
      + "\(HTML.escape(excerpt.path)), \(lines)</a>"
    return codeBlock(excerpt.code, language: "swift", badges: from)
      .replacingOccurrences(of: "<div class=\"code\">", with: "<div class=\"code library-code\">")
  }

  /// Gives an SVG picture the image role and its alt text, unless it already has them.
  static func labelled(_ markup: String, alt: String) -> String {
    guard markup.hasPrefix("<svg"), !markup.prefix(400).contains("aria-label") else {
      return markup
    }
    return "<svg role=\"img\" aria-label=\"\(HTML.escape(alt))\"" + markup.dropFirst(4)
  }

  private func textPanel(_ text: String, kind: String, label: String) -> String {
    let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
    let pre = "<pre>\(HTML.escape(text))</pre>"
    if lineCount > Self.collapseAfterLines {
      return
        "<details class=\"output output-\(kind)\"><summary>\(label) · \(lineCount) lines</summary>"
        + pre + "</details>\n"
    }
    return "<div class=\"output output-\(kind)\" role=\"group\" aria-label=\"\(label)\">"
      + pre + "</div>\n"
  }
}
