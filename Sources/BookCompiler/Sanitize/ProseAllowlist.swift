/// The raw HTML a chapter's prose may use, modelled on GitHub's allowlist (html-pipeline's
/// `SanitizationFilter`), without `class`, `style` or anything that submits, embeds or runs.
enum ProseAllowlist {
  /// The elements kept; any other tag is shown as text.
  static let elements: Set<String> = [
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "br", "hr", "wbr",
    "a", "img", "b", "i", "u", "em", "strong", "small", "mark", "s", "strike", "del", "ins",
    "sup", "sub", "code", "kbd", "samp", "var", "tt", "pre", "q", "cite", "abbr", "dfn",
    "time", "bdo", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
    "details", "summary", "figure", "figcaption", "ruby", "rt", "rp",
  ]

  /// Elements that never have content or an end tag.
  static let voidElements: Set<String> = ["br", "hr", "wbr", "img", "col"]

  /// Attributes kept on any allowed element.
  static let globalAttributes: Set<String> = [
    "id", "title", "lang", "dir", "align", "valign", "width", "height",
    "aria-label", "aria-hidden", "aria-describedby", "aria-labelledby", "role",
  ]

  /// Attributes kept only on some elements.
  static let elementAttributes: [String: Set<String>] = [
    "a": ["href", "name", "hreflang"],
    "img": ["src", "alt"],
    "blockquote": ["cite"], "q": ["cite"], "del": ["cite", "datetime"],
    "ins": ["cite", "datetime"], "time": ["datetime"], "abbr": ["title"],
    "ol": ["start", "reversed", "type"], "li": ["value"],
    "th": ["colspan", "rowspan", "scope", "abbr"], "td": ["colspan", "rowspan"],
    "col": ["span"], "colgroup": ["span"], "details": ["open"],
    "table": ["border", "cellpadding", "cellspacing", "summary"],
  ]

  /// Attributes whose value is an address, checked by `URLPolicy`.
  static let urlAttributes: Set<String> = ["href", "src", "cite"]

  /// Ids the page layout uses itself; prose may not take them, nor any id starting with
  /// one of `reservedIdPrefixes` (cells, footnotes, citations) or with a digit (chapters' articles
  /// in `print.html`, such as `02-bandits`).
  static let reservedIds: Set<String> = [
    "content", "contents", "search", "search-results", "search-status", "outline-title",
  ]
  /// Prefixes of ids the compiler gives cells, footnotes, citations, works and figures.
  static let reservedIdPrefixes = ["cell-", "fn", "user-content-", "cite-", "ref-", "figure-"]

  /// Whether `value` may be used as an `id` or `name`.
  static func isAllowedId(_ value: String) -> Bool {
    let lower = value.lowercased()
    return !value.isEmpty && !reservedIds.contains(lower)
      && !(lower.first?.isNumber ?? false)
      && !reservedIdPrefixes.contains(where: lower.hasPrefix)
  }

  /// Whether `name` may appear on `element`.
  static func allows(_ name: String, on element: String) -> Bool {
    globalAttributes.contains(name) || elementAttributes[element]?.contains(name) == true
  }
}
