/// A start or end tag read by `HTMLTagReader`, as a browser would read it.
struct HTMLTag: Equatable {
  /// The tag's name, lowercased.
  var name: String
  /// The attributes in order, names lowercased, values with character references decoded.
  /// A repeated attribute keeps its first value, as in browsers.
  var attributes: [(name: String, value: String)]
  /// Whether this is `</name>`.
  var isEnd: Bool
  /// Whether the tag ended with `/>`.
  var isSelfClosing: Bool

  static func == (a: HTMLTag, b: HTMLTag) -> Bool {
    a.name == b.name && a.isEnd == b.isEnd && a.isSelfClosing == b.isSelfClosing
      && a.attributes.map(\.name) == b.attributes.map(\.name)
      && a.attributes.map(\.value) == b.attributes.map(\.value)
  }
}

/// A piece of an HTML fragment: text, a tag, a comment, or a `<` that starts nothing.
enum HTMLToken: Equatable {
  /// Text between tags, exactly as written.
  case text(Substring)
  /// A start or end tag; `source` is the tag as written.
  case tag(HTMLTag, source: Substring)
  /// A complete comment, `<!-- … -->`.
  case comment
  /// Markup that is not a complete tag or comment (such as `<!DOCTYPE …>`, `<?…>`, an
  /// unclosed `<!--` or a tag cut off by the end of the fragment), as written.
  case other(Substring)
}
