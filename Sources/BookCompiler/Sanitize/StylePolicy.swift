/// Decides whether a CSS value (a `style` attribute or a presentation attribute such as
/// `fill`) is safe in a picture: it may refer to the picture's own parts with `url(#id)`, but
/// it may not fetch anything, import style sheets, hide a function behind CSS escapes, or
/// take the picture out of its place (`position`, `z-index`).
enum StylePolicy {
  /// CSS functions that fetch or build images from elsewhere, even without `url(`.
  private static let fetchingFunctions = [
    "image-set(", "image(", "cross-fade(", "element(", "src(", "expression(",
  ]

  /// Why `value` is not allowed, or `nil` when it is safe.
  static func problem(in value: String) -> String? {
    let lower = value.lowercased()
    if lower.contains("\\") { return "a CSS escape (\\)" }
    if lower.contains("@import") { return "an @import" }
    if lower.contains("-moz-binding") || lower.contains("behavior") {
      return "a CSS binding"
    }
    if lower.contains("position") || lower.contains("z-index") {
      return "CSS positioning, which could lay the picture over the page"
    }
    for function in fetchingFunctions where lower.contains(function) {
      return "the CSS function \(function.dropLast())()"
    }
    var rest = lower[...]
    while let open = rest.range(of: "url(") {
      rest = rest[open.upperBound...]
      let target = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\"" || $0 == "'" }
      if target.first != "#" { return "a url(…) that points outside the picture" }
    }
    return nil
  }
}
