import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Highlights Swift with the compiler's own view of the code: swift-syntax parses it and
/// `SwiftIDEUtils` classifies every token. The result is escaped HTML with short class names
/// (styled in `book.css` under `.language-swift`):
///
/// | class | meaning |
/// | --- | --- |
/// | `k` | keyword |
/// | `s` | string or regex literal |
/// | `n` | number |
/// | `c` | comment (`d` for doc comments) |
/// | `t` | type (and capitalised identifiers, which are types by the book's convention) |
/// | `a` | attribute, `#if` directive |
/// | `l` | argument label |
enum SwiftHighlighter {
  /// Changes whenever the output for the same code may change; part of the cache's key.
  static let version = "swift-syntax 603 / rlbook 2"

  /// The highlighted HTML of `code` (without the surrounding `<pre><code>`); names that `links`
  /// knows link to their definitions.
  ///
  /// - Complexity: O(n) in the code's length, after swift-syntax's parse.
  static func highlight(_ code: String, links: SymbolLinks = .none) -> String {
    let tree = Parser.parse(source: code)
    let bytes = Array(code.utf8)
    var out = ""
    out.reserveCapacity(bytes.count * 2)
    var position = 0
    for range in tree.classifications {
      let start = max(range.range.lowerBound.utf8Offset, position)
      let end = min(range.range.upperBound.utf8Offset, bytes.count)
      guard start < end else { continue }
      if position < start { out += HTML.escape(text(bytes[position..<start])) }
      let piece = text(bytes[start..<end])
      var html = HTML.escape(piece)
      if let css = cssClass(range.kind, piece) {
        html = "<span class=\"\(css)\">\(html)</span>"
      }
      if range.kind == .identifier || range.kind == .type,
        let address = links.address(of: piece, at: start, in: bytes)
      {
        html = "<a class=\"symbol\" href=\"\(address)\">\(html)</a>"
      }
      out += html
      position = end
    }
    if position < bytes.count { out += HTML.escape(text(bytes[position...])) }
    return out
  }

  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  private static func cssClass(_ kind: SyntaxClassification, _ piece: String) -> String? {
    switch kind {
    case .keyword: return "k"
    case .stringLiteral, .regexLiteral: return "s"
    case .integerLiteral, .floatLiteral: return "n"
    case .lineComment, .blockComment: return "c"
    case .docLineComment, .docBlockComment: return "d"
    case .type: return "t"
    case .attribute, .ifConfigDirective: return "a"
    case .argumentLabel: return "l"
    case .identifier:
      return piece.first.map { $0.isUppercase } == true ? "t" : nil
    default: return nil
    }
  }
}
