/// HTML escaping for text and attribute values.
enum HTML {
  /// Escapes `&`, `<`, `>`, `"` and `'`, so any text is safe inside elements and attributes.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for c in text.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(c)
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
