/// The text of `book.toml`, for pointing an error at a line. TOMLKit gives lines only for
/// syntax errors, so the lines of keys and values are found by reading the text: a key's
/// line within its table, a string's line within a `[[part]]`.
struct ManifestSource: Sendable {
  /// The file's lines, without their newlines.
  let lines: [Substring]

  /// Reads `text`.
  init(_ text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The 1-based lines of a table's headers: `[name]`, or every `[[name]]` when `array`.
  func headers(_ name: String, array: Bool = false) -> [Int] {
    let header = array ? "[[\(name)]]" : "[\(name)]"
    return lines.indices.filter { Self.stripped(lines[$0]) == header }.map { $0 + 1 }
  }

  /// The 1-based line of `key = …` in the table whose header is at `header` (`nil`: the
  /// top of the file, before any header).
  func line(ofKey key: String, after header: Int?) -> Int? {
    line(after: header) { text in
      guard text.hasPrefix(key) else { return false }
      let rest = text.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
      return rest.first == "="
    }
  }

  /// The line of `field = …` in the table whose header is at `header`, else the header's line:
  /// where a problem with a table or one of its fields is reported.
  func line(of field: String?, in header: Int?) -> Int? {
    field.flatMap { line(ofKey: $0, after: header) } ?? header
  }

  /// The 1-based line of the quoted string `value` in the table whose header is at `header`.
  func line(ofString value: String, after header: Int?) -> Int? {
    line(after: header) { $0.contains("\"\(value)\"") || $0.contains("'\(value)'") }
  }

  /// The first line after `header`, up to the next header, whose stripped text matches.
  private func line(after header: Int?, where matches: (Substring) -> Bool) -> Int? {
    for index in (header ?? 0)..<lines.count {
      let text = Self.stripped(lines[index])
      if text.hasPrefix("[") && !text.hasPrefix("[ ") && text.hasSuffix("]") { return nil }
      if matches(text) { return index + 1 }
    }
    return nil
  }

  /// A line without its leading and trailing white space.
  private static func stripped(_ line: Substring) -> Substring {
    var text = line
    while let c = text.first, c == " " || c == "\t" { text.removeFirst() }
    while let c = text.last, c == " " || c == "\t" || c == "\r" { text.removeLast() }
    return text
  }
}
