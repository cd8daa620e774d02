/// Decodes the character references in an HTML attribute value: every numeric reference
/// (`&#106;`, `&#x6A`, with or without `;`), and the named ones in `named`, with their `;`.
///
/// A reference this does not know is left as written; since sanitised attributes are written
/// out again with `&` escaped, the browser then sees exactly the text that was checked.
enum CharacterReferences {
  /// The named references decoded: the common ones and those that spell URL punctuation.
  static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    "colon": ":", "tab": "\t", "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")",
    "period": ".", "comma": ",", "semi": ";", "excl": "!", "num": "#", "percnt": "%",
    "quest": "?", "equals": "=", "commat": "@", "plus": "+", "dollar": "$", "ast": "*",
    "lowbar": "_", "hyphen": "-", "dash": "\u{2010}", "ndash": "\u{2013}",
    "mdash": "\u{2014}", "hellip": "\u{2026}", "copy": "\u{A9}", "times": "\u{D7}",
  ]

  /// `value` with its references decoded.
  static func decode(_ value: String) -> String {
    guard value.contains("&") else { return value }
    let s = Array(value.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < s.count {
      guard s[i] == "&", let (scalars, next) = reference(in: s, at: i) else {
        out.append(s[i])
        i += 1
        continue
      }
      out.append(contentsOf: scalars)
      i = next
    }
    return String(out)
  }

  /// The characters of the reference at `i` and where it ends, or `nil` if there is none.
  private static func reference(in s: [Unicode.Scalar], at i: Int)
    -> ([Unicode.Scalar], Int)?
  {
    var j = i + 1
    if j < s.count, s[j] == "#" {
      j += 1
      let hex = j < s.count && (s[j] == "x" || s[j] == "X")
      if hex { j += 1 }
      let digitsStart = j
      var value: UInt32 = 0
      while j < s.count, let d = digit(s[j], hex: hex) {
        value = min(value &* (hex ? 16 : 10) &+ d, 0x11_0000)
        j += 1
      }
      guard j > digitsStart else { return nil }
      if j < s.count, s[j] == ";" { j += 1 }
      let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
      return ([value == 0 ? "\u{FFFD}" : scalar], j)
    }
    var name = ""
    while j < s.count, j - i <= 10, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) {
      name.unicodeScalars.append(s[j])
      j += 1
    }
    guard j < s.count, s[j] == ";", let text = named[name.lowercased()] else { return nil }
    return (Array(text.unicodeScalars), j + 1)
  }

  private static func digit(_ c: Unicode.Scalar, hex: Bool) -> UInt32? {
    switch c {
    case "0"..."9": return c.value - 48
    case "a"..."f" where hex: return c.value - 87
    case "A"..."F" where hex: return c.value - 55
    default: return nil
    }
  }
}
