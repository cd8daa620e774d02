/// Turns a chapter and its outputs into the HTML of the chapter's article: prose from
/// cmark-gfm with its math typeset, its citations, exported values and chapter mentions
/// linked, headings with stable anchors, and cells with their outputs in place. It also cuts the chapter into sections for the search index.
struct ChapterRenderer {
  var cells: CellRenderer
  /// How citations and exported values are written.
  var citations: CitationRenderer
  /// The glossary's terms, linked at their first use.
  var terms: GlossaryTerms
  /// Every chapter of the book, for links from mentions such as "chapter 10".
  var chapters: [Chapter]

  /// A heading of the rendered chapter, for the in-page outline and the search index.
  struct OutlineEntry: Sendable, Codable {
    var level: Int
    /// The heading as plain text (formulas as their TeX).
    var text: String
    /// The heading's inner HTML (formulas typeset), without its anchor link.
    var html: String
    var anchor: String
  }

  /// A chapter and the formulas of its prose (see `ChapterDocument`).
  struct Prepared: Sendable {
    var chapter: Chapter
    var formulas: [Formula]

    init(_ chapter: Chapter) {
      self.chapter = chapter
      formulas = chapter.document.formulas
    }
  }

  /// The rendered article.
  struct Rendered: Sendable {
    var html: String
    var outline: [OutlineEntry]
    var sections: [SearchIndex.Section]
  }

  /// Renders `prepared`, with `math[i]` the HTML of its formula `i`.
  func render(_ prepared: Prepared, math: [String], outputs: [CellOutput]) -> Rendered {
    let chapter = prepared.chapter
    let parsed = chapter.document.parsed
    // The prose first, before any cell output is spliced in: mentions of chapters become
    // links, and references their HTML.
    let values = ExportedValues(outputs)
    let figures = FigureNumbers(chapter, outputs: outputs)
    let references = chapter.document.references
    let prose = ProseReference.substitute(
      terms.link(ChapterMentions.link(parsed.html, chapters: chapters, current: chapter)),
      html: references.enumerated().map {
        citations.html($1, index: $0, values: values, figures: figures, chapter: chapter.number)
      },
      plain: references.map {
        citations.text($0, values: values, figures: figures, chapter: chapter.number)
      })
    var replacements = [(String, String)]()
    // Which code blocks are cells was decided once, by the load stage.
    for block in parsed.codeBlocks {
      let words = ChapterParser.infoWords(block.info)
      let replacement: String
      if let excerpt = block.excerpt {
        replacement = cells.excerpt(excerpt)
      } else if let index = block.cell, index < chapter.cells.count {
        replacement = cells.render(
          chapter.cells[index], output: outputs.indices.contains(index) ? outputs[index] : nil,
          chapter: chapter.number, firstFigure: figures.firstOfCell[index] ?? 1)
      } else {
        replacement = cells.codeBlock(block.literal, language: words.first.map(String.init) ?? "")
      }
      replacements.append((block.placeholder + "\n", replacement))
    }
    let html = TextReplacement.replacing(prose, replacements)
    let tex = prepared.formulas.map(\.source)
    let (anchored, outline) = addAnchors(
      html, headings: parsed.headings, anchors: chapter.document.headingAnchors, tex: tex,
      math: math)
    let sections = SearchIndex.sections(
      of: anchored, chapter: chapter, outline: outline, restore: { Formula.substitute($0, tex) })
    let final = Formula.substitute(SearchIndex.removeMarkers(anchored), math)
    return Rendered(html: final, outline: outline, sections: sections)
  }

  /// Gives each `<hN>` an `id` from its text (unique within the page) and a link to itself.
  private func addAnchors(
    _ html: String, headings: [Heading], anchors: [String], tex: [String], math: [String]
  ) -> (String, [OutlineEntry]) {
    var out = ""
    var outline = [OutlineEntry]()
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
      let anchor = anchors[headingIndex]
      headingIndex += 1
      let text = Formula.substitute(heading.text, tex)
      let inner = after.dropFirst(2)
      let innerHTML = inner.range(of: "</h\(level)>").map { String(inner[..<$0.lowerBound]) } ?? ""
      outline.append(
        OutlineEntry(
          level: level, text: text, html: Formula.substitute(innerHTML, math), anchor: anchor))
      out += rest[..<open.lowerBound]
      out +=
        "<h\(level) id=\"\(anchor)\"><a class=\"anchor\" href=\"#\(anchor)\" aria-hidden=\"true\" tabindex=\"-1\">#</a>"
      rest = inner
    }
    out += rest
    return (out, outline)
  }
}
