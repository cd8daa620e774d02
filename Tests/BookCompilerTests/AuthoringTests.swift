import Foundation
import Testing

@testable import BookCompiler

/// What an author may write, and what happens when it is unusual: fences in other spellings
/// and containers, `norun` declarations, `#line` and `#sourceLocation`, chapter file names,
/// headings that would take the page's own ids, and formulas in titles.
@Suite struct AuthoringTests {
  private func load(_ name: String, _ text: String) throws -> (
    chapters: [Chapter], errors: [BookError]
  ) {
    let book = try TestBook([name: text])
    return try BookLoader.loadAll(root: book.root)
  }

  @Test(arguments: ["Swift", "SWIFT", "swift,hidden", "swift, norun", "swift\thidden"])
  func otherSpellingsOfASwiftFenceAreCells(_ info: String) throws {
    let (chapters, errors) = try load("01-a.md", "# A\n\n```\(info)\nprint(1)\n```\n")
    #expect(errors.isEmpty, "\(errors)")
    #expect(chapters.first?.cells.count == 1)
    let options = chapters.first?.cells.first?.options
    #expect(options?.hidden == info.contains("hidden"))
    #expect(options?.noRun == info.contains("norun"))
  }

  @Test func aMisspelledOptionAfterACommaIsAnError() throws {
    let (_, errors) = try load("01-a.md", "# A\n\n```swift,hiden\nprint(1)\n```\n")
    #expect(
      errors.map(\.description).first?.hasPrefix(
        "chapters/01-a.md:3: error: unknown cell option 'hiden'") == true)
  }

  @Test(arguments: [
    "> ```swift\n> print(1)\n> ```\n",  // in a block quote
    ">```swift\n>print(1)\n>```\n",  // quote markers without a space
    "- item\n\n\t```swift\n\tprint(1)\n\t```\n",  // in a list item, indented with tabs
    "1. item\n\n   ```swift\n   print(1)\n   ```\t\n",  // closed by a fence with a tab after it
    "> - quoted item\n>\n>   ```swift\n>   print(1)\n>   ```\n",  // a list in a quote
  ])
  func aClosedFenceInAContainerIsACell(_ body: String) throws {
    let (chapters, errors) = try load("01-a.md", "# A\n\n" + body + "\nAfter.\n")
    #expect(errors.isEmpty, "\(errors)")
    #expect(
      chapters.first?.cells.map { $0.code.trimmingCharacters(in: .whitespacesAndNewlines) } == [
        "print(1)"
      ])
  }

  @Test func aCellMayNotSetItsOwnSourceLocation() throws {
    let text =
      "# A\n\n```swift\nlet a = 1\n#sourceLocation(file: \"x.swift\", line: 1)\nprint(a)\n```\n"
    let (_, errors) = try load("01-a.md", text)
    #expect(
      errors.map(\.description).first?.hasPrefix(
        "chapters/01-a.md:5: error: a cell may not use #sourceLocation") == true)
  }

  @Test func onlyRealDirectivesAndLiteralsCount() {
    #expect(
      CellSyntax.sourceLocationLine(in: "print(\"#sourceLocation\") // #sourceLocation") == nil)
    #expect(CellSyntax.usesLineLiteral("print(#line)"))
    #expect(CellSyntax.usesLineLiteral("func f(at line: Int = #line) {}"))
    #expect(!CellSyntax.usesLineLiteral("print(\"#line\") // #line"))
    #expect(!CellSyntax.usesLineLiteral("let line = 3\nprint(line)"))
  }

  @Test func aNoRunCellSplitsIntoDeclarationsAndStatements() {
    let code = """
      import Glibc
      // A protocol, used later.
      protocol Shape { var area: Double { get } }
      let unused = 3
      struct Square: Shape { var side: Double; var area: Double { side * side } }
      while true {}
      struct Inline {}; print(1)
      """
    let pieces = CellSyntax.noRunPieces(code)
    #expect(pieces.map(\.declaresAtFileScope) == [true, false, true, false])
    #expect(pieces.map(\.firstLine) == [0, 3, 4, 5])
    #expect(pieces.map(\.text).joined() == code + "\n")
  }
}

extension AuthoringTests {
  /// A `norun` cell's extension, protocol and operator compile, later cells use them, and its
  /// statements still never run; diagnostics keep their Markdown lines.
  @Test func noRunDeclarationsAreVisibleToLaterCells() throws {
    let book = try TestBook([
      "01-a.md": chapter(
        "A",
        [
          (
            "norun",
            """
            protocol Named { var name: String { get } }
            extension Int: Named { var name: String { "int \\(self)" } }
            infix operator <+>: AdditionPrecedence
            func <+> (a: Int, b: Int) -> Int { a * 10 + b }
            print("never printed")
            fatalError("a norun cell never runs")
            """
          ),
          ("", "print(3.name, 4 <+> 2)"),
        ])
    ])
    let report = try book.run()
    #expect(report.succeeded, "\(report.errors)")
    #expect(book.recorded("01-a").map { $0.map(printedText) } == ["", "int 3 42"])
  }

  @Test func aNoRunCellsErrorsPointAtItsLines() throws {
    let book = try TestBook([
      "01-a.md": "# A\n\n```swift norun\nstruct S {}\nlet x: Int = \"no\"\n```\n"
    ])
    let report = try book.run()
    #expect(report.errors.first?.description.hasPrefix("chapters/01-a.md:5:") == true)
  }

  /// With `#line`, a prose edit above a cell changes its output, so it must re-run: `build`
  /// and `test` agree.
  @Test func outputThatUsesLineNumbersFollowsAProseEdit() throws {
    let book = try TestBook(["01-a.md": "# A\n\n```swift\nprint(#line)\n```\n"])
    #expect(try book.run().succeeded)
    #expect(book.recorded("01-a").map { $0.map(printedText) } == ["4"])
    try book.write("01-a.md", "# A\n\nA new paragraph.\n\n```swift\nprint(#line)\n```\n")
    #expect(try book.run().succeeded)
    #expect(book.recorded("01-a").map { $0.map(printedText) } == ["6"])
    #expect(try book.run(.test).succeeded)
  }
}

extension AuthoringTests {
  @Test(arguments: [
    ("01-first-steps.md", true), ("02-Part_2.v1.md", true), ("03-a#b.md", false),
    ("04-a\"b.md", false), ("05-<img src=x onerror=alert(1)>.md", false),
    ("06-café.md", false), ("07-a b.md", false), ("08-.hidden.md", false),
  ])
  func onlySafeChapterNamesAreAccepted(_ name: String, _ safe: Bool) throws {
    let book = try TestBook()
    book.listsEveryChapter = false
    try Data("# A\n".utf8).write(to: book.root.appendingPathComponent("chapters/\(name)"))
    let escaped = name.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
    try Data("[book]\ntitle = \"T\"\n\n[[part]]\nname = \"P\"\nchapters = [\"\(escaped)\"]\n".utf8)
      .write(to: book.root.appendingPathComponent("book.toml"))
    let errors = try BookLoader.loadAll(root: book.root).errors
    if safe {
      #expect(errors.isEmpty, "\(errors)")
    } else {
      #expect(errors.map(\.message).first?.hasPrefix("a chapter's file name may hold only") == true)
    }
  }

  @Test func headingsNeverTakeThePagesOwnIds() throws {
    let book = try TestBook([
      "01-a.md":
        "# A\n\n## Search\n\n## Content\n\n## Cell 1\n\n## Contents\n\n```swift\nprint(1)\n```\n"
    ])
    #expect(try book.run().succeeded)
    let page = book.page("01-a")
    for id in ["search", "content", "cell-1", "contents"] {
      let count = page.components(separatedBy: "id=\"\(id)\"").count - 1
      #expect(count <= 1, "id \(id) is used \(count) times")
    }
    #expect(page.contains("id=\"section-search\""))
    #expect(page.contains("id=\"section-cell-1\""))
  }

  @Test func aFormulaInATitleIsTypesetInTheSidebarAndPlainInTheTitle() throws {
    let book = try TestBook([
      "01-a.md": "# The $k_3$ estimator\n\nProse.\n", "02-b.md": "# B\n\nProse.\n",
    ])
    #expect(try book.run().succeeded)
    let other = book.page("02-b")
    #expect(!other.contains("$k_3$"))
    #expect(other.contains("class=\"katex"))
    #expect(other.contains("katex.min.css"))
    #expect(book.page("01-a").contains("<title>1. The k₃ estimator · Test book</title>"))
    #expect(
      TeXText.plain("KL $\\mathrm{KL}(p\\,\\|\\,q)$ and $\\beta^{2}$") == "KL KL(p | q) and β²")
  }
}

extension AuthoringTests {
  /// A chapter of prose only is neither compiled nor run.
  @Test func aChapterWithoutCellsIsNotCompiled() throws {
    let book = try TestBook(["01-a.md": "# A\n\nOnly prose.\n"])
    let report = try book.run(force: true)
    #expect(report.succeeded, "\(report.errors)")
    #expect(report.chapters.first?.compileSeconds == 0)
    #expect(book.page("01-a").contains("Only prose."))
  }
}
