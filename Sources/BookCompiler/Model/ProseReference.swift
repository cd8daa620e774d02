/// Something the prose refers to that is only known at build time: a value a cell exported
/// (`{{name}}`), works in the bibliography (`[@key]`, `[@a; @b]`, `[-@key]`), or a figure a
/// cell drew (`@fig-NAME`).
///
/// `ReferenceExtractor` takes them out of the text before cmark sees it, leaving the
/// placeholder word `RLBOOKREF<index>Z`; the render stage puts the rendered reference back.
struct ProseReference: Sendable, Hashable {
  /// What is referred to.
  enum Kind: Sendable, Hashable {
    /// A value exported by one of the chapter's cells.
    case value(name: String)
    /// Works of the bibliography, by key, in the order written; `suppressAuthor` for
    /// `[-@key]`, which shows only the year.
    case citation(keys: [String], suppressAuthor: Bool)
    /// A figure of the chapter, by its cell's `label=NAME` (`@fig-NAME`).
    case figure(label: String)
  }

  /// What is referred to.
  var kind: Kind
  /// The 1-based line of the reference in the chapter file.
  var line: Int

  /// The placeholder word for reference number `index`.
  static func placeholder(_ index: Int) -> String { "RLBOOKREF\(index)Z" }

  /// Replaces every reference placeholder in `text` by `html[i]`, or by `plain[i]` where the
  /// placeholder sits inside a tag (a link's address or title).
  static func substitute(_ text: String, html: [String], plain: [String]) -> String {
    PlaceholderWords.substitute(text, prefix: "RLBOOKREF", html, inTags: plain)
  }
}
