import SwiftParser
import SwiftSyntax

/// What the book compiler needs to know about a cell's Swift, read with swift-syntax's parser
/// (tokens, not text, so a string or comment that mentions `#line` does not count).
enum CellSyntax {
  /// The 0-based line, within `code`, of the first `#sourceLocation` directive, or `nil`.
  /// Cells may not use it: the compiler maps every line back to the chapter itself.
  static func sourceLocationLine(in code: String) -> Int? {
    guard code.contains("#sourceLocation") else { return nil }
    let tree = Parser.parse(source: code)
    let converter = SourceLocationConverter(fileName: "", tree: tree)
    for token in tree.tokens(viewMode: .sourceAccurate)
    where token.tokenKind == .poundSourceLocation {
      return converter.location(for: token.positionAfterSkippingLeadingTrivia).line - 1
    }
    return nil
  }

  /// Whether `code` uses `#line`, whose value depends on where the cell sits in the chapter.
  static func usesLineLiteral(_ code: String) -> Bool {
    guard code.contains("#line") else { return false }
    var afterPound = false
    for token in Parser.parse(source: code).tokens(viewMode: .sourceAccurate) {
      if afterPound && token.leadingTrivia.isEmpty && token.text == "line" { return true }
      afterPound = token.tokenKind == .pound && token.trailingTrivia.isEmpty
    }
    return false
  }

  /// One run of whole lines of a `norun` cell: declarations that belong at file scope, or
  /// statements (and variables) that must not run.
  struct Piece: Equatable, Sendable {
    /// Whether the lines declare types, functions, extensions, protocols, operators or
    /// imports, which go at file scope so that later cells can use them.
    var declaresAtFileScope: Bool
    /// The piece's first line, 0-based within the cell.
    var firstLine: Int
    /// The piece's lines, each ending with a newline.
    var text: String
  }

  /// Splits `code` into runs of whole lines that are either file-scope declarations or
  /// statements. A declaration that shares a line with a statement stays with the
  /// statements; comments and blank lines go with the code after them.
  static func noRunPieces(_ code: String) -> [Piece] {
    var lines = ChapterParser.lines(of: code)
    if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
    let tree = Parser.parse(source: code)
    let converter = SourceLocationConverter(fileName: "", tree: tree)
    let items = tree.statements.map { item in
      (
        lines: converter.location(for: item.positionAfterSkippingLeadingTrivia).line
          - 1...converter.location(for: item.endPositionBeforeTrailingTrivia).line - 1,
        declares: declaresAtFileScope(item)
      )
    }
    let statementLines = Set(items.filter { !$0.declares }.flatMap { Array($0.lines) })
    var kind = [Bool?](repeating: nil, count: lines.count)
    for item in items {
      let declares = item.declares && !item.lines.contains(where: statementLines.contains)
      for line in item.lines where line < lines.count { kind[line] = declares }
    }
    // Comments and blank lines join the code below them (or above, at the end).
    var next: Bool? = nil
    for line in kind.indices.reversed() {
      if let known = kind[line] { next = known } else { kind[line] = next }
    }
    var previous: Bool? = nil
    for line in kind.indices {
      if let known = kind[line] { previous = known } else { kind[line] = previous }
    }
    var pieces = [Piece]()
    for (line, text) in lines.enumerated() {
      let declares = kind[line] ?? false
      if let last = pieces.last, last.declaresAtFileScope == declares {
        pieces[pieces.count - 1].text += text + "\n"
      } else {
        pieces.append(Piece(declaresAtFileScope: declares, firstLine: line, text: text + "\n"))
      }
    }
    return pieces
  }

  /// Whether a top-level item is a declaration that may stand at file scope without running
  /// anything: not a variable (its initial value would run), not `#if` and not a macro.
  private static func declaresAtFileScope(_ item: CodeBlockItemSyntax) -> Bool {
    guard case .decl(let declaration) = item.item else { return false }
    return !declaration.is(VariableDeclSyntax.self) && !declaration.is(IfConfigDeclSyntax.self)
      && !declaration.is(MacroExpansionDeclSyntax.self)
      && !declaration.is(PoundSourceLocationSyntax.self)
  }
}
