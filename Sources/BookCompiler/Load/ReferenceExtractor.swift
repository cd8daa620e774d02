import CellHarness

/// Takes the prose's references out of a chapter's text before cmark sees it, as
/// `MathExtractor` does for formulas, leaving the placeholder word `RLBOOKREF<index>Z`:
///
/// - `{{name}}` (spaces allowed inside the braces): the value a cell exported as `name`;
/// - `[@key]`, `[@a; @b]`: a citation of works in the bibliography; `[-@key]` shows only the
///   year, for "Schulman et al. [-@schulman2017ppo] show…";
/// - `@fig-NAME`: the figure drawn by the cell with `label=NAME`, as "Figure 12.3".
///
/// Nothing is looked for on `codeLines` or in code spans, and a backslash keeps the next
/// character literal (`\{{` stays `{{`). Text that only looks like a reference (`{{ 3 }}`,
/// `[@]`, `[@key](url)`) stays as it is. A citation may wrap onto the next lines: each line
/// break inside it is kept after the placeholder, so every line keeps its number.
enum ReferenceExtractor {
  /// The text with references replaced by placeholders, and the references in order.
  static func extract(_ source: String, codeLines: Set<Int> = []) -> (
    source: String, references: [ProseReference]
  ) {
    guard source.contains("{{") || source.contains("@") else { return (source, []) }
    let chars = Array(source.unicodeScalars)
    var out = String.UnicodeScalarView()
    var references = [ProseReference]()
    var line = 1
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "\n" {
        line += 1
      } else if !codeLines.contains(line) {
        if let next = CodeSpans.copyVerbatim(chars, at: i, into: &out, line: &line) {
          i = next
          continue
        }
        if let (kind, end, breaks) = reference(chars, at: i) {
          out.append(contentsOf: ProseReference.placeholder(references.count).unicodeScalars)
          for _ in 0..<breaks { out.append("\n") }
          references.append(ProseReference(kind: kind, line: line))
          line += breaks
          i = end
          continue
        }
      }
      out.append(c)
      i += 1
    }
    return (String(out), references)
  }

  /// The reference that starts at `start`: what it is, the index after it, and how many line
  /// breaks it spans.
  private static func reference(_ chars: [Unicode.Scalar], at start: Int) -> (
    ProseReference.Kind, Int, Int
  )? {
    if chars[start] == "{" { return value(chars, at: start) }
    if chars[start] == "[" { return citation(chars, at: start) }
    if chars[start] == "@" { return figure(chars, at: start) }
    return nil
  }

  /// `@fig-NAME` at `start`, not inside a word (`a@fig-x` is an address).
  private static func figure(_ chars: [Unicode.Scalar], at start: Int) -> (
    ProseReference.Kind, Int, Int
  )? {
    if start > 0, chars[start - 1].properties.isAlphabetic || isDigit(chars[start - 1]) {
      return nil
    }
    let prefix = Array("@fig-".unicodeScalars)
    guard start + prefix.count < chars.count,
      Array(chars[start..<(start + prefix.count)]) == prefix
    else { return nil }
    var j = start + prefix.count
    var label = String.UnicodeScalarView()
    while j < chars.count, chars[j].isASCII,
      chars[j].properties.isAlphabetic || isDigit(chars[j]) || chars[j] == "-" || chars[j] == "_"
    {
      label.append(chars[j])
      j += 1
    }
    // A sentence may end right after the label: "see @fig-curve-".
    while let last = label.last, last == "-" {
      label.removeLast()
      j -= 1
    }
    guard CellOptions.isValidLabel(String(label)) else { return nil }
    return (.figure(label: String(label)), j, 0)
  }

  /// `{{ name }}` at `start`.
  private static func value(_ chars: [Unicode.Scalar], at start: Int) -> (
    ProseReference.Kind, Int, Int
  )? {
    guard start + 1 < chars.count, chars[start + 1] == "{" else { return nil }
    var j = start + 2
    while j < chars.count, chars[j] == " " { j += 1 }
    var name = String.UnicodeScalarView()
    while j < chars.count, chars[j].isASCII, chars[j] != " ", chars[j] != "}" {
      name.append(chars[j])
      j += 1
    }
    while j < chars.count, chars[j] == " " { j += 1 }
    guard j + 1 < chars.count, chars[j] == "}", chars[j + 1] == "}",
      DisplayFrame.isValidExportName(String(name))
    else { return nil }
    return (.value(name: String(name)), j + 2, 0)
  }

  /// `[@a; @b]` or `[-@a]` at `start`.
  private static func citation(_ chars: [Unicode.Scalar], at start: Int) -> (
    ProseReference.Kind, Int, Int
  )? {
    var j = start + 1
    var suppressAuthor = false
    if j < chars.count, chars[j] == "-" {
      suppressAuthor = true
      j += 1
    }
    var keys = [String]()
    var breaks = 0
    var blankLine = false
    func skipSpace() {
      var newlines = 0
      while j < chars.count, chars[j] == " " || chars[j] == "\n" {
        if chars[j] == "\n" { newlines += 1 }
        j += 1
      }
      breaks += newlines
      // A citation never spans a blank line (a paragraph break).
      blankLine = blankLine || newlines > 1
    }
    while true {
      guard j < chars.count, chars[j] == "@" else { return nil }
      j += 1
      var key = String.UnicodeScalarView()
      while j < chars.count, isKeyCharacter(chars[j]) {
        key.append(chars[j])
        j += 1
      }
      guard let first = key.first, first.properties.isAlphabetic || isDigit(first) else {
        return nil
      }
      keys.append(String(key))
      skipSpace()
      guard j < chars.count else { return nil }
      if chars[j] == "]" { break }
      // Several keys are separated by semicolons; `[-@…]` takes one key.
      guard chars[j] == ";", !suppressAuthor else { return nil }
      j += 1
      skipSpace()
    }
    let end = j + 1
    // `[@x](url)` and `[@x][ref]` are links, not citations.
    if end < chars.count, chars[end] == "(" || chars[end] == "[" { return nil }
    if blankLine { return nil }
    return (.citation(keys: keys, suppressAuthor: suppressAuthor), end, breaks)
  }

  /// Letters, digits, and `_ - : .` inside a key (ASCII only).
  private static func isKeyCharacter(_ c: Unicode.Scalar) -> Bool {
    guard c.isASCII else { return false }
    return c.properties.isAlphabetic || isDigit(c) || "_-:.".unicodeScalars.contains(c)
  }

  private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
}
