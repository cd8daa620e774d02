import Foundation
import Testing

@testable import BookCompiler

/// Compiler errors and runtime traps name the Markdown file and line, never the generated
/// `main.swift`, and show what the reader needs around them.
@Suite struct LineMappingTests {
  @Test func aTypeErrorIsReportedAtTheCellsLineAndColumn() throws {
    let source = chapter(
      "Types", [("", "let a = 1\nprint(a)"), ("", "let b = 2\n  let x: Int = \"a\"\nprint(b)")])
    let book = try TestBook([
      "02-types.md": source, "01-fine.md": chapter("Fine", [("", "print(1)")]),
    ])
    let report = try book.run()
    let errorLine = try #require(line(of: "let x: Int", in: source))
    #expect(report.errors.count == 1)
    let error = try #require(report.errors.first)
    #expect(error.path == "chapters/02-types.md")
    #expect(error.line == errorLine && error.column == 16)
    #expect(error.message == "cannot convert value of type 'String' to specified type 'Int'")
    let text = error.description
    #expect(text.hasPrefix("chapters/02-types.md:\(errorLine):16: error: cannot convert"))
    // The code around it, numbered as in the .md file, with a caret under the column.
    #expect(text.contains("> \(errorLine) |   let x: Int = \"a\""))
    #expect(text.contains("\(errorLine - 1) | let b = 2"))
    #expect(text.contains("\(errorLine + 1) | print(b)"))
    #expect(text.contains("|                ^"))
    #expect(!text.contains("main.swift"))
    // The other chapter still ran; the whole build failed.
    #expect(report.chapters.map(\.source) == [.ran, .failed])
    #expect(!report.succeeded && !report.wroteSite)
  }

  @Test func theExcerptIsClippedAtTheFileEdges() {
    let text = SourceExcerpt.around(line: 1, column: 3, in: "ab\ncd")
    #expect(text == "> 1 | ab\n    |   ^\n  2 | cd")
    #expect(SourceExcerpt.around(line: 9, column: 1, in: "ab") == "")
  }

  /// Each way a cell can trap, in its own chapter: the message, the chapter and the line,
  /// and what the cell printed before it trapped.
  static let traps: [(name: String, code: String, message: String)] = [
    (
      "precondition", "precondition(1 + 1 == 3, \"arithmetic broke\")",
      "Precondition failed: arithmetic broke"
    ),
    (
      "index", "let xs = [1, 2, 3]\nlet i = xs.count + 2\nprint(xs[i])",
      "Fatal error: Index out of range"
    ),
    ("unwrap", "let missing: Int? = nil\nprint(missing!)", "Fatal error: Unexpectedly found nil"),
    ("fatal", "fatalError(\"gave up\")", "Fatal error: gave up"),
  ]

  @Test func aTrapNamesTheChapterAndLineAndKeepsEarlierOutput() throws {
    var files = [String: String]()
    for (i, trap) in Self.traps.enumerated() {
      files["0\(i + 1)-\(trap.name).md"] = chapter(
        "Trap \(trap.name)",
        [("", "print(\"earlier cell\")"), ("", "print(\"printed before the trap\")\n" + trap.code)])
    }
    let book = try TestBook(files)
    let report = try book.run()
    #expect(report.errors.count == Self.traps.count)
    for (i, trap) in Self.traps.enumerated() {
      let path = "chapters/0\(i + 1)-\(trap.name).md"
      let source = try #require(files["0\(i + 1)-\(trap.name).md"])
      let error = try #require(report.errors.first { $0.path == path }, "no error for \(path)")
      let trapLine =
        try #require(
          source.split(separator: "\n", omittingEmptySubsequences: false)
            .lastIndex { trap.code.split(separator: "\n").last.map(String.init) == String($0) }) + 1
      #expect(error.line == trapLine, "\(trap.name): \(error)")
      #expect(error.message.contains(trap.message), "\(trap.name): \(error.message)")
      #expect(error.message.contains("the cell at line \(fenceLines(source)[1])"))
      #expect(error.description.contains("printed before the trap"), "\(trap.name)")
      #expect(!error.description.contains("main.swift"))
    }
    #expect(!report.wroteSite)
  }
}
