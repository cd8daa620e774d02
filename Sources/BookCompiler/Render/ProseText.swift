/// The text of the prose's HTML that may be linked: outside tags, and outside links, code,
/// preformatted blocks and headings. Shared by the passes that turn words into links
/// (chapter mentions, glossary terms).
enum ProseText {
  /// Elements whose text is never linked.
  private static let skipped: Set<String> = [
    "a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style",
  ]

  /// `html` with `transform` applied to each run of linkable text; tags and other text stay.
  static func transform(_ html: String, _ transform: (Substring) -> String) -> String {
    var out = ""
    out.reserveCapacity(html.utf8.count + 256)
    var depth = 0
    var rest = html[...]
    while let open = rest.firstIndex(of: "<") {
      let text = rest[..<open]
      out += depth == 0 ? transform(text) : String(text)
      let tag = rest[open...]
      let end = tag.firstIndex(of: ">").map { tag.index(after: $0) } ?? tag.endIndex
      let markup = tag[..<end]
      if let name = tagName(markup), skipped.contains(name.name) {
        if name.closing {
          depth = max(0, depth - 1)
        } else if !markup.hasSuffix("/>") {
          depth += 1
        }
      }
      out += markup
      rest = tag[end...]
    }
    out += depth == 0 ? transform(rest) : String(rest)
    return out
  }

  /// Each run of linkable text of `html`, in order.
  static func runs(_ html: String) -> [Substring] {
    var runs = [Substring]()
    _ = transform(html) { text in
      runs.append(text)
      return ""
    }
    return runs
  }

  /// A tag's lowercased name and whether it closes, for `<name …>` and `</name>`.
  private static func tagName(_ markup: Substring) -> (name: String, closing: Bool)? {
    var body = markup.dropFirst()
    let closing = body.first == "/"
    if closing { body = body.dropFirst() }
    let name = body.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
    return name.isEmpty ? nil : (name.lowercased(), closing)
  }
}
