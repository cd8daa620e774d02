/// Takes `$…$` and `$$…$$` out of a chapter's prose before cmark sees it, leaving a
/// placeholder word (`RLBOOKMATH3Z`) that cmark passes through unchanged. A formula that
/// spans line breaks leaves one filler line (`RLBOOKMATHLINE`) per break, so every line of
/// the text keeps its number in the chapter file; `ChapterDocument` removes the fillers from
/// cmark's HTML.
///
/// Math is not looked for on `codeLines` (the lines of code blocks) nor in code spans. `\$` stays a literal dollar. An inline `$` must hug its formula (`$x$`, not
/// `$ x $`) and a closing `$` must not be followed by a digit, so prices like "$5 or $10"
/// stay prose.
enum MathExtractor {
  /// The placeholder for formula number `index`.
  static func placeholder(_ index: Int) -> String { "RLBOOKMATH\(index)Z" }

  /// The line that stands in for each line break inside a formula.
  static let filler = "RLBOOKMATHLINE"

  /// The source with formulas replaced by placeholders, and the formulas in order. No
  /// formula starts on, or reaches into, one of `codeLines`.
  static func extract(_ source: String, codeLines: Set<Int> = []) -> (
    source: String, formulas: [Formula]
  ) {
    guard source.contains("$") else { return (source, []) }
    let chars = Array(source.unicodeScalars)
    var out = String.UnicodeScalarView()
    var formulas = [Formula]()
    var line = 1
    var i = 0
    // Whether position `i` sits on a line inside a code block.
    func inCode(_ line: Int) -> Bool { codeLines.contains(line) }

    while i < chars.count {
      let c = chars[i]
      if c == "\n" {
        line += 1
        out.append(c)
        i += 1
        continue
      }
      if inCode(line) {
        out.append(c)
        i += 1
        continue
      }
      // An escaped character, or a code span: a run of n backticks up to the next run of n.
      if let next = CodeSpans.copyVerbatim(chars, at: i, into: &out, line: &line) {
        i = next
        continue
      }
      if c == "$" {
        let display = i + 1 < chars.count && chars[i + 1] == "$"
        if let (tex, end, lines) = formula(chars, at: i, display: display),
          !(line...(line + lines)).contains(where: inCode)
        {
          out.append(contentsOf: placeholder(formulas.count).unicodeScalars)
          for _ in 0..<lines { out.append(contentsOf: ("\n" + filler).unicodeScalars) }
          formulas.append(Formula(tex: tex, display: display, line: line, lineBreaks: lines))
          line += lines
          i = end
          continue
        }
        // Not a formula: keep the dollars as they are.
        let n = display ? 2 : 1
        for k in i..<(i + n) { out.append(chars[k]) }
        i += n
        continue
      }
      out.append(c)
      i += 1
    }
    return (String(out), formulas)
  }

  /// The formula starting at `start`: its TeX, the index after its closing dollars, and how
  /// many line breaks it spans.
  private static func formula(_ chars: [Unicode.Scalar], at start: Int, display: Bool) -> (
    String, Int, Int
  )? {
    let open = display ? 2 : 1
    var j = start + open
    guard j < chars.count else { return nil }
    if !display, chars[j] == " " || chars[j] == "\n" || chars[j] == "\t" { return nil }
    var tex = String.UnicodeScalarView()
    var lines = 0
    while j < chars.count {
      let c = chars[j]
      if c == "\\", j + 1 < chars.count {
        tex.append(c)
        tex.append(chars[j + 1])
        if chars[j + 1] == "\n" { lines += 1 }
        j += 2
        continue
      }
      // An inline formula never holds a code span's backtick: the code span wins.
      if !display, c == "`" { return nil }
      if c == "\n" {
        // A formula never spans a blank line (a paragraph break).
        var k = j + 1
        while k < chars.count, chars[k] == " " || chars[k] == "\t" { k += 1 }
        if k >= chars.count || chars[k] == "\n" { return nil }
        lines += 1
      }
      if c == "$" {
        if display {
          guard j + 1 < chars.count, chars[j + 1] == "$" else { return nil }
          let text = String(tex).trimmingWhitespace
          return text.isEmpty ? nil : (text, j + 2, lines)
        }
        let before = chars[j - 1]
        if before == " " || before == "\n" || before == "\t" { return nil }
        if j + 1 < chars.count, chars[j + 1].properties.numericType != nil { return nil }
        return tex.isEmpty ? nil : (String(tex), j + 1, lines)
      }
      tex.append(c)
      j += 1
    }
    return nil
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  var trimmingWhitespace: String {
    let scalars = unicodeScalars
    let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}
