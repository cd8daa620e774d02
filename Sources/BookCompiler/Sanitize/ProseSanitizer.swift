/// Makes the raw HTML and the link addresses of a chapter's prose safe, the way GitHub does.
///
/// It works on cmark-gfm's tree (see `MarkdownDocument`): each raw HTML block or inline tag
/// is filtered by `filterHTML(_:)`, and each link's or image's address by `safeURL(_:)`.
/// KaTeX output and cell output are produced by the compiler and inserted later; they never
/// pass through here.
///
/// - Allowed tags (`ProseAllowlist.elements`) are written out again from their parse, with
///   only allowed attributes, quoted and escaped; other attributes are dropped.
/// - `href`, `src` and `cite` keep only `http`, `https`, `mailto` and relative addresses.
/// - Any other tag, and any `<` that does not start a complete tag, is shown as text.
/// - Comments are dropped.
public enum ProseSanitizer {
  /// `url`, or the empty string if its scheme is not allowed.
  public static func safeURL(_ url: String) -> String {
    URLPolicy.isAllowed(url) ? url : ""
  }

  /// `html` with only allowed tags and attributes left live.
  public static func filterHTML(_ html: String) -> String {
    guard html.contains("<") || html.contains(">") else { return html }
    var reader = HTMLTagReader(html[...])
    var out = ""
    out.reserveCapacity(html.utf8.count)
    for token in reader.tokens() {
      switch token {
      case .text(let text): out += escapeText(text)
      case .comment: break
      case .other(let text): out += escapeText(text)
      case .tag(let tag, let source):
        out += ProseAllowlist.elements.contains(tag.name) ? serialize(tag) : escapeText(source)
      }
    }
    return out
  }

  /// An allowed tag, with its allowed attributes.
  static func serialize(_ tag: HTMLTag) -> String {
    if tag.isEnd { return "</\(tag.name)>" }
    var out = "<" + tag.name
    for (name, value) in tag.attributes where keeps(name, value, on: tag.name) {
      out += value.isEmpty ? " \(name)" : " \(name)=\"\(escapeAttribute(value))\""
    }
    let void = ProseAllowlist.voidElements.contains(tag.name)
    return out + (tag.isSelfClosing && void ? " />" : ">")
  }

  /// Whether the attribute `name="value"` stays on `element`.
  static func keeps(_ name: String, _ value: String, on element: String) -> Bool {
    guard ProseAllowlist.allows(name, on: element) else { return false }
    // A math placeholder would become KaTeX markup, with quotes, inside the attribute.
    if value.contains("RLBOOKMATH") { return false }
    if ProseAllowlist.urlAttributes.contains(name) { return URLPolicy.isAllowed(value) }
    if name == "id" || name == "name" { return ProseAllowlist.isAllowedId(value) }
    return true
  }

  /// Text with `<` and `>` escaped, so it cannot open or close a tag.
  static func escapeText(_ text: Substring) -> String {
    HTML.escape(text, only: ["<", ">"])
  }

  /// An attribute value escaped for double quotes.
  static func escapeAttribute(_ value: String) -> String {
    HTML.escape(value, only: ["&", "\"", "<", ">"])
  }
}
