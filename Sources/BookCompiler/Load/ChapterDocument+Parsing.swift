extension ChapterDocument {
  /// The most parses of one chapter: each one can only reveal more code blocks.
  private static let maximumParses = 3

  /// Parses `source`.
  static func parse(_ source: String) -> ChapterDocument {
    var codeLines = Set<Int>()
    var document = ChapterDocument(
      parsed: .init(codeBlocks: [], headings: [], html: ""), formulas: [])
    for _ in 0..<maximumParses {
      let (withoutMath, formulas) = MathExtractor.extract(source, codeLines: codeLines)
      let (text, references) = ReferenceExtractor.extract(withoutMath, codeLines: codeLines)
      document = ChapterDocument(
        parsed: MarkdownDocument.parse(text), formulas: formulas, references: references)
      let found = lines(of: document.parsed.codeBlocks)
      let touchesCode =
        formulas.contains { formula in
          (formula.line...(formula.line + formula.lineBreaks)).contains(where: found.contains)
        } || references.contains { found.contains($0.line) }
      if !touchesCode || found.isSubset(of: codeLines) { break }
      codeLines.formUnion(found)
    }
    // Each line break inside a formula left a filler line, which cmark rendered as a soft
    // break and the filler word: take both out again.
    document.parsed.html = TextReplacement.replacing(
      document.parsed.html, [("\n" + MathExtractor.filler, "")])
    return document
  }

  /// The lines that belong to fenced or indented code blocks.
  private static func lines(of blocks: [CodeBlock]) -> Set<Int> {
    var lines = Set<Int>()
    for block in blocks {
      lines.formUnion(block.startLine...max(block.startLine, block.endLine))
    }
    return lines
  }
}
