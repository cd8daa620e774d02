/// The words that stand in for parts of the prose while cmark renders it, such as
/// `RLBOOKMATH3Z` for formula 3: a prefix, a decimal index and `Z`. Letters and digits only,
/// so cmark passes them through unchanged.
enum PlaceholderWords {
  /// `text` with every `<prefix><index>Z` replaced by `values[index]`; words whose index is out
  /// of range stay as they are.
  ///
  /// With `inTags`, a word inside a tag (an attribute, such as a link's address or title) is
  /// replaced by `inTags[index]` instead: text that is safe there, never markup.
  static func substitute(
    _ text: String, prefix: String, _ values: [String], inTags: [String]? = nil
  ) -> String {
    guard !values.isEmpty, text.contains(prefix) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var rest = text[...]
    while let open = rest.range(of: prefix) {
      out += rest[..<open.lowerBound]
      let digits = rest[open.upperBound...].prefix { $0.isASCII && $0.isNumber }
      let after = rest[open.upperBound...].dropFirst(digits.count)
      if let index = Int(digits), after.first == "Z", values.indices.contains(index) {
        out += inTags.map { isInsideTag(out) ? $0[index] : values[index] } ?? values[index]
        rest = after.dropFirst()
      } else {
        out += rest[open]
        rest = rest[open.upperBound...]
      }
    }
    return out + rest
  }

  /// Whether the end of `html` lies inside a tag: its last `<` comes after its last `>`.
  private static func isInsideTag(_ html: String) -> Bool {
    guard let open = html.lastIndex(of: "<") else { return false }
    guard let close = html.lastIndex(of: ">") else { return true }
    return open > close
  }
}
