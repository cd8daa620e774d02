/// A fenced or indented code block found in a Markdown document.
public struct CodeBlock: Sendable, Hashable {
  /// The whole info string (`swift hidden`), empty for indented blocks.
  var info: String
  /// The code.
  var literal: String
  /// The 1-based line of the opening fence (or first line).
  var startLine: Int
  /// The 1-based last line of the block, its closing fence included.
  var endLine: Int
  /// Whether the block was fenced (rather than indented).
  var isFenced: Bool
  /// The fence's character and length, such as three backticks.
  var fence: String
  /// The token that stands in for the block in `ParsedMarkdown.html`.
  var placeholder: String
  /// The index of the cell this block is, among the chapter's cells; `nil` for a block that
  /// is only shown. Decided once, by `ChapterParser`.
  var cell: Int?
}

/// A heading found in a Markdown document.
struct Heading: Sendable, Hashable {
  /// 1 for `#`, 2 for `##`, …
  var level: Int
  /// The heading as plain text.
  var text: String
  /// The 1-based line.
  var line: Int
}

/// What cmark-gfm makes of a Markdown document: its code blocks and headings as values, and
/// its HTML with every code block replaced by a placeholder comment.
struct ParsedMarkdown: Sendable, Hashable {
  var codeBlocks: [CodeBlock]
  var headings: [Heading]
  var html: String
}
