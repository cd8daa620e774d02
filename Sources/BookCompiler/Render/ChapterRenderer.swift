/// Turns a chapter and its outputs into the HTML of the chapter's article: prose from
/// cmark-gfm, headings with stable anchors, and cells with their outputs in place.
struct ChapterRenderer {
  var cells = CellRenderer()

  /// A heading of the rendered chapter, for the in-page outline and the search index.
  struct OutlineEntry: Sendable {
    var level: Int
    var text: String
    var anchor: String
  }

  /// The article's inner HTML and its outline.
  func render(_ chapter: Chapter, outputs: [CellOutput]) -> (html: String, outline: [OutlineEntry])
  {
    let parsed = MarkdownDocument.parse(chapter.source)
    var html = parsed.html
    var cellIndex = 0
    for block in parsed.codeBlocks {
      let words = block.info.split(whereSeparator: \.isWhitespace)
      let replacement: String
      if block.isFenced, words.first == "swift", cellIndex < chapter.cells.count {
        let cell = chapter.cells[cellIndex]
        replacement = cells.render(
          cell, output: outputs.indices.contains(cellIndex) ? outputs[cellIndex] : nil)
        cellIndex += 1
      } else {
        replacement = cells.codeBlock(block.literal, language: words.first.map(String.init) ?? "")
      }
      html = html.replacingOccurrences(of: block.placeholder + "\n", with: replacement)
    }
    return addAnchors(html, headings: parsed.headings)
  }

  /// Gives each `<hN>` an `id` from its text (unique within the page) and a link to itself.
  private func addAnchors(_ html: String, headings: [Heading]) -> (String, [OutlineEntry]) {
    var out = ""
    var outline = [OutlineEntry]()
    var used = Set<String>()
    var rest = html[...]
    var headingIndex = 0
    while let open = rest.range(of: "<h") {
      let after = rest[open.upperBound...]
      guard let level = after.first?.wholeNumberValue, (1...6).contains(level),
        after.dropFirst().first == ">", headingIndex < headings.count
      else {
        out += rest[..<open.upperBound]
        rest = after
        continue
      }
      let heading = headings[headingIndex]
      headingIndex += 1
      var anchor = HTML.slug(heading.text)
      var n = 2
      while used.contains(anchor) {
        anchor = HTML.slug(heading.text) + "-\(n)"
        n += 1
      }
      used.insert(anchor)
      outline.append(OutlineEntry(level: level, text: heading.text, anchor: anchor))
      out += rest[..<open.lowerBound]
      out +=
        "<h\(level) id=\"\(anchor)\"><a class=\"anchor\" href=\"#\(anchor)\" aria-hidden=\"true\">#</a>"
      rest = after.dropFirst(2)
    }
    out += rest
    return (out, outline)
  }
}
