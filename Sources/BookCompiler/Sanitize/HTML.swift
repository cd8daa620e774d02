/// HTML escaping for text and attribute values.
enum HTML {
  /// Every character that `escape` can replace, with its character reference.
  private static let references: [Unicode.Scalar: String] = [
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
  ]

  /// Escapes `&`, `<`, `>`, `"` and `'` (or only the characters in `only`), so any text is
  /// safe inside elements and attributes.
  static func escape(_ text: some StringProtocol, only: Set<Unicode.Scalar>? = nil) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for c in text.unicodeScalars {
      if let reference = references[c], only?.contains(c) ?? true {
        out += reference
      } else {
        out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// A stable anchor slug for a heading: lower case, letters and digits, words joined by `-`.
  static func slug(_ text: String) -> String {
    var out = ""
    var pendingDash = false
    for c in text.lowercased() {
      if c.isLetter || c.isNumber {
        if pendingDash && !out.isEmpty { out += "-" }
        out.append(c)
        pendingDash = false
      } else if c == " " || c == "-" || c == "_" || c == "–" || c == "—" {
        pendingDash = true
      }
    }
    return out.isEmpty ? "section" : out
  }
}
