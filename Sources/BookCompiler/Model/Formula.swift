/// A formula found in a chapter's prose.
struct Formula: Sendable, Hashable {
  /// The TeX between the dollars.
  var tex: String
  /// `$$…$$` (a display formula) rather than `$…$`.
  var display: Bool
  /// The 1-based line of the opening dollar in the chapter file.
  var line: Int
  /// How many line breaks the formula spans (0 for a formula on one line).
  var lineBreaks = 0

  /// What identifies the formula's rendering: the same TeX in the same mode renders the same.
  var key: String { (display ? "display\n" : "inline\n") + tex }
}

extension Formula {
  /// The formula as written in the chapter, with its dollars.
  var source: String { (display ? "$$" : "$") + tex + (display ? "$$" : "$") }

  /// Replaces every math placeholder in `text` by `values[i]`.
  static func substitute(_ text: String, _ values: [String]) -> String {
    PlaceholderWords.substitute(text, prefix: "RLBOOKMATH", values)
  }
}
