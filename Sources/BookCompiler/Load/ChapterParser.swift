import Foundation

/// Turns one chapter file's Markdown into a `Chapter`: its title and its Swift cells.
public enum ChapterParser {
  /// Parses `source`, the contents of the chapter at `path` (relative to the book root).
  ///
  /// - Throws: every `BookError` found, such as unknown options or unterminated fences.
  public static func parse(path: String, number: Int, slug: String, source: String)
    throws(BookErrors) -> Chapter
  {
    var document = ChapterDocument.parse(source)
    let parsed = document.parsed
    let lines = Self.lines(of: source)
    var errors = [BookError]()
    var cells = [Cell]()
    var blocks = parsed.codeBlocks
    if source.allSatisfy(\.isWhitespace) {
      throw BookErrors([
        BookError(
          stage: .load, path: path, line: 1,
          message: "the chapter is empty: start it with a line '# Title'")
      ])
    }
    for (position, block) in parsed.codeBlocks.enumerated() where block.isFenced {
      if !isClosed(block, lines: lines) {
        errors.append(
          BookError(
            stage: .load, path: path, line: block.startLine,
            message: "this code fence is never closed (add a line with \(block.fence))"))
        continue
      }
      let words = Self.infoWords(block.info)
      guard words.first?.lowercased() == "swift" else { continue }
      if let reference = words.dropFirst().first(where: { $0.hasPrefix("source=") }) {
        if words.count > 2 {
          errors.append(
            BookError(
              stage: .load, path: path, line: block.startLine,
              message: "a source= block takes no other option"))
        } else if !block.literal.allSatisfy(\.isWhitespace) {
          errors.append(
            BookError(
              stage: .load, path: path, line: block.startLine,
              message: "a source= block shows the library's code: leave the block empty"))
        } else if reference.count == "source=".count {
          errors.append(
            BookError(
              stage: .load, path: path, line: block.startLine,
              message: "source= needs a name, such as source=trainPPO or source=PPO.swift#trainPPO")
          )
        } else {
          blocks[position].libraryReference = String(reference.dropFirst("source=".count))
        }
        continue
      }
      if let line = CellSyntax.sourceLocationLine(in: block.literal) {
        errors.append(
          BookError(
            stage: .load, path: path, line: block.startLine + 1 + line,
            message:
              "a cell may not use #sourceLocation: rlbook maps every line of a cell back to"
              + " this file itself"))
        continue
      }
      do {
        let options = try CellOptions(parsing: Array(words.dropFirst()))
        blocks[position].cell = cells.count
        cells.append(
          Cell(
            index: cells.count, fenceLine: block.startLine, code: block.literal, options: options))
      } catch {
        errors.append(
          BookError(stage: .load, path: path, line: block.startLine, message: error.message))
      }
    }
    let title = parsed.headings.first { $0.level == 1 }.map {
      Formula.substitute($0.text, document.formulas.map(\.source))
    }
    if title == nil {
      errors.append(
        BookError(
          stage: .load, path: path, line: 1,
          message: "the chapter needs a title: a first line '# Title'")
      )
    }
    if !errors.isEmpty { throw BookErrors(errors) }
    document.parsed.codeBlocks = blocks
    return Chapter(
      path: path, number: number, slug: slug, title: title ?? slug, source: source, cells: cells,
      document: document)
  }

  /// The lines of `source` as cmark-gfm counts them: a line ends at `\n`, `\r\n` or `\r`.
  static func lines(of source: String) -> [Substring] {
    var lines = [Substring]()
    var start = source.utf8.startIndex
    var i = start
    let end = source.utf8.endIndex
    while i < end {
      let byte = source.utf8[i]
      if byte == 0x0A || byte == 0x0D {
        lines.append(Substring(source.utf8[start..<i]))
        var next = source.utf8.index(after: i)
        if byte == 0x0D, next < end, source.utf8[next] == 0x0A {
          next = source.utf8.index(after: next)
        }
        start = next
        i = next
      } else {
        i = source.utf8.index(after: i)
      }
    }
    lines.append(Substring(source.utf8[start..<end]))
    return lines
  }

  /// The words of a fence's info string: its language, then the cell's options. Words are
  /// separated by white space or commas, so mdBook's ```` ```swift,hidden ```` reads as
  /// ```` ```swift hidden ````; the language is matched without regard to case.
  static func infoWords(_ info: String) -> [Substring] {
    info.split { $0.isWhitespace || $0 == "," }
  }

  /// Whether a fenced block ends with a closing fence rather than at the end of its container.
  ///
  /// The block's last line must be a run of the fence's character at least as long as the
  /// opening one, followed only by white space, once the markers of its containers (`>` of
  /// block quotes, the indentation of list items, spaces or tabs) are taken off.
  static func isClosed(_ block: CodeBlock, lines: [Substring]) -> Bool {
    guard block.endLine > block.startLine, block.endLine <= lines.count,
      let fenceChar = block.fence.first
    else { return false }
    let last = lines[block.endLine - 1].drop { $0 == " " || $0 == "\t" || $0 == ">" }
    let run = last.prefix { $0 == fenceChar }
    return run.count >= block.fence.count && last.dropFirst(run.count).allSatisfy(\.isWhitespace)
  }
}
