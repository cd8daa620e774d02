/// Splits an HTML fragment into text, tags and comments following the tokenizer states of
/// the HTML standard (tag name, attribute name, the three kinds of attribute value, after a
/// quoted value, self-closing), so that it reads `<img src=x onerror=y>`, `<a"onclick=…`
/// or `<svg/onload=…>` the way a browser does.
struct HTMLTagReader {
  private let scalars: [Unicode.Scalar]
  private let text: Substring.UnicodeScalarView
  private var position = 0

  /// Reads `html`.
  init(_ html: Substring) {
    text = html.unicodeScalars
    scalars = Array(html.unicodeScalars)
  }

  private static func isSpace(_ c: Unicode.Scalar) -> Bool {
    c == " " || c == "\t" || c == "\n" || c == "\u{C}" || c == "\r"
  }

  private static func isLetter(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c)
  }

  private func slice(_ from: Int, _ to: Int) -> Substring {
    let start = text.index(text.startIndex, offsetBy: from)
    let end = text.index(start, offsetBy: to - from)
    return Substring(text[start..<end])
  }

  /// All the tokens of the fragment, in order.
  mutating func tokens() -> [HTMLToken] {
    var tokens = [HTMLToken]()
    var textStart = 0
    func flushText(_ end: Int) {
      if end > textStart { tokens.append(.text(slice(textStart, end))) }
    }
    while position < scalars.count {
      guard scalars[position] == "<" else {
        position += 1
        continue
      }
      let start = position
      flushText(start)
      tokens.append(markup(from: start))
      textStart = position
    }
    flushText(scalars.count)
    return tokens
  }

  /// The token that starts with the `<` at `start`; moves past it.
  private mutating func markup(from start: Int) -> HTMLToken {
    let next = start + 1 < scalars.count ? scalars[start + 1] : " "
    if Self.isLetter(next)
      || (next == "/" && start + 2 < scalars.count
        && Self.isLetter(scalars[start + 2]))
    {
      position = start + (next == "/" ? 2 : 1)
      if let tag = readTag(isEnd: next == "/") {
        return .tag(tag, source: slice(start, position))
      }
      position = scalars.count
      return .other(slice(start, scalars.count))
    }
    if next == "!", hasPrefix("<!--", at: start) {
      if let end = commentEnd(after: start + 4) {
        position = end
        return .comment
      }
      position = scalars.count
      return .other(slice(start, scalars.count))
    }
    position = start + 1
    return .other(slice(start, start + 1))
  }

  private func hasPrefix(_ prefix: String, at index: Int) -> Bool {
    let p = Array(prefix.unicodeScalars)
    return index + p.count <= scalars.count && Array(scalars[index..<index + p.count]) == p
  }

  /// Where the comment whose content starts at `index` ends (after its `-->`), if it does.
  private func commentEnd(after index: Int) -> Int? {
    if hasPrefix(">", at: index) { return index + 1 }
    if hasPrefix("->", at: index) { return index + 2 }
    var i = index
    while i < scalars.count {
      if hasPrefix("-->", at: i) { return i + 3 }
      if hasPrefix("--!>", at: i) { return i + 4 }
      i += 1
    }
    return nil
  }

  /// Reads a tag's name and attributes, up to and including its `>`; `nil` when the
  /// fragment ends first (a browser would drop the unfinished tag).
  private mutating func readTag(isEnd: Bool) -> HTMLTag? {
    var name = ""
    while position < scalars.count, !Self.isSpace(scalars[position]),
      scalars[position] != "/", scalars[position] != ">"
    {
      name.unicodeScalars.append(lowercased(scalars[position]))
      position += 1
    }
    var tag = HTMLTag(name: name, attributes: [], isEnd: isEnd, isSelfClosing: false)
    var seen = Set<String>()
    while position < scalars.count {
      let c = scalars[position]
      if Self.isSpace(c) {
        position += 1
      } else if c == ">" {
        position += 1
        return tag
      } else if c == "/" {
        position += 1
        if position < scalars.count, scalars[position] == ">" {
          position += 1
          tag.isSelfClosing = true
          return tag
        }
      } else {
        let (attribute, value) = readAttribute()
        if seen.insert(attribute).inserted {
          tag.attributes.append((attribute, CharacterReferences.decode(value)))
        }
      }
    }
    return nil
  }

  /// Reads one attribute, starting at its name's first character.
  private mutating func readAttribute() -> (String, String) {
    var name = ""
    name.unicodeScalars.append(lowercased(scalars[position]))  // may be "=", as in browsers
    position += 1
    while position < scalars.count, !Self.isSpace(scalars[position]),
      !["/", ">", "="].contains(scalars[position])
    {
      name.unicodeScalars.append(lowercased(scalars[position]))
      position += 1
    }
    while position < scalars.count, Self.isSpace(scalars[position]) { position += 1 }
    guard position < scalars.count, scalars[position] == "=" else { return (name, "") }
    position += 1
    while position < scalars.count, Self.isSpace(scalars[position]) { position += 1 }
    guard position < scalars.count else { return (name, "") }
    var value = ""
    let quote = scalars[position]
    if quote == "\"" || quote == "'" {
      position += 1
      while position < scalars.count, scalars[position] != quote {
        value.unicodeScalars.append(scalars[position])
        position += 1
      }
      if position < scalars.count { position += 1 }
    } else {
      while position < scalars.count, !Self.isSpace(scalars[position]), scalars[position] != ">" {
        value.unicodeScalars.append(scalars[position])
        position += 1
      }
    }
    return (name, value)
  }

  private func lowercased(_ c: Unicode.Scalar) -> Unicode.Scalar {
    ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32)! : c
  }
}
