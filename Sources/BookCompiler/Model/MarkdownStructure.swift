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
  /// For a ```` ```swift source=NAME ```` block, what it names in the library.
  var libraryReference: String?
  /// The library's code that such a block shows, found by the load stage.
  var excerpt: LibraryExcerpt?
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

/// A link in the prose to another chapter's file, `NN-slug.md` or `NN-slug.md#anchor`, which
/// the page links as `NN-slug.html#anchor`.
struct ChapterLink: Sendable, Hashable {
  /// The chapter's file name, such as `05-monte-carlo-and-td.md`.
  var file: String
  /// The anchor after `#`, if any.
  var fragment: String?
  /// The 1-based line of the link in the chapter file.
  var line: Int

  /// Reads a link's address: a chapter link is a file name ending in `.md` (optionally after
  /// `./`), with no folder and no scheme, and an optional `#anchor`.
  static func parse(_ url: String, line: Int) -> ChapterLink? {
    var address = Substring(url)
    if address.hasPrefix("./") { address = address.dropFirst(2) }
    let parts = address.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let file = parts[0]
    guard file.hasSuffix(".md"), file.count > 3, let first = file.unicodeScalars.first,
      first.properties.isAlphabetic || ("0"..."9").contains(first),
      file.unicodeScalars.allSatisfy({
        $0.isASCII
          && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
            || "-_.".unicodeScalars.contains($0))
      })
    else { return nil }
    let fragment = parts.count > 1 ? String(parts[1]) : nil
    return ChapterLink(file: String(file), fragment: fragment, line: line)
  }

  /// The page's address: `NN-slug.html`, with the anchor.
  var pageAddress: String {
    String(file.dropLast(3)) + ".html" + (fragment.map { "#" + $0 } ?? "")
  }
}

/// What cmark-gfm makes of a Markdown document: its code blocks and headings as values, its
/// links to other chapters, and its HTML with every code block replaced by a placeholder
/// comment.
struct ParsedMarkdown: Sendable, Hashable {
  var codeBlocks: [CodeBlock]
  var headings: [Heading]
  var html: String
  /// The links to other chapters' files, in order, already pointing at their pages in `html`.
  var chapterLinks: [ChapterLink] = []
}
