/// The words that stand in for parts of the prose while cmark renders it, such as
/// `RLBOOKMATH3Z` for formula 3: a prefix, a decimal index and `Z`. Letters and digits only,
/// so cmark passes them through unchanged.
enum PlaceholderWords {
  /// `text` with every `<prefix><index>Z` replaced by `values[index]`; words whose index is out
  /// of range stay as they are.
  static func substitute(_ text: String, prefix: String, _ values: [String]) -> String {
    guard !values.isEmpty, text.contains(prefix) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var rest = text[...]
    while let open = rest.range(of: prefix) {
      out += rest[..<open.lowerBound]
      let digits = rest[open.upperBound...].prefix { $0.isASCII && $0.isNumber }
      let after = rest[open.upperBound...].dropFirst(digits.count)
      if let index = Int(digits), after.first == "Z", values.indices.contains(index) {
        out += values[index]
        rest = after.dropFirst()
      } else {
        out += rest[open]
        rest = rest[open.upperBound...]
      }
    }
    return out + rest
  }
}
