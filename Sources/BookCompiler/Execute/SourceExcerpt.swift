/// The lines of a chapter around a location, numbered as in the `.md` file, with a caret
/// under the column: what a reader needs to see next to a compiler error.
///
///     5 | let a = 1
///   > 6 | let x: Int = "a"
///       |              ^
///     7 | print(a)
enum SourceExcerpt {
  /// Up to `context` lines before and after `line` (1-based) of `source`, or an empty string
  /// when the line is not in the file.
  static func around(line: Int, column: Int?, in source: String, context: Int = 2) -> String {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    guard line >= 1, line <= lines.count else { return "" }
    let range = max(1, line - context)...min(lines.count, line + context)
    let width = String(range.upperBound).count
    var out = [String]()
    for number in range {
      let label = String(repeating: " ", count: width - String(number).count) + String(number)
      let text = lines[number - 1].replacingOccurrences(of: "\t", with: "  ")
      out.append((number == line ? "> " : "  ") + label + " | " + text)
      if number == line, let column, column >= 1 {
        // Columns count UTF-8 bytes in swiftc's diagnostics; align by characters before it.
        let prefix = String(decoding: lines[number - 1].utf8.prefix(column - 1), as: UTF8.self)
        let pad = prefix.replacingOccurrences(of: "\t", with: "  ").count
        out.append(
          "  " + String(repeating: " ", count: width) + " | " + String(repeating: " ", count: pad)
            + "^")
      }
    }
    return out.joined(separator: "\n")
  }
}
