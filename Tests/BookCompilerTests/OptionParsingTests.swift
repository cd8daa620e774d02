import Foundation
import Testing

@testable import BookCompiler

/// The words after `swift` in a fence: every option, their combinations, and the errors.
@Suite struct OptionParsingTests {
  private func options(_ text: String) throws(CellOptions.OptionError) -> CellOptions {
    try CellOptions(parsing: text.split(separator: " "))
  }

  @Test func noOptionRunsAndShowsEverything() throws {
    let o = try options("")
    #expect(!o.hidden && !o.noRun && !o.compileFail && o.timeout == nil)
    #expect(o.effectiveTimeout == CellOptions.defaultTimeout)
  }

  @Test func everyOptionIsRead() throws {
    #expect(try options("hidden").hidden)
    #expect(try options("norun").noRun)
    #expect(try options("compile-fail").compileFail)
    #expect(try options("timeout=2.5").timeout == 2.5)
    #expect(try options("timeout=300").effectiveTimeout == 300)
    let all = try options("hidden timeout=7 norun")
    #expect(all.hidden && all.noRun && all.timeout == 7)
  }

  @Test(arguments: ["timeout=", "timeout=0", "timeout=-1", "timeout=abc", "timeout=inf"])
  func badTimeoutsAreErrors(_ word: String) {
    #expect(throws: CellOptions.OptionError.self) { try options(word) }
  }

  @Test(arguments: [
    "norun compile-fail", "exercise solution", "solution hidden", "solution norun",
    "solution compile-fail", "exercise hidden",
  ])
  func conflictingOptionsAreAnError(_ words: String) {
    #expect(throws: CellOptions.OptionError.self) { try options(words) }
  }

  @Test func exercisesAndSolutionsAreRead() throws {
    #expect(try options("exercise").exercise)
    let starter = try options("exercise norun")
    #expect(starter.exercise && starter.noRun)
    #expect(try options("solution timeout=5").solution)
  }

  @Test func pageOnlyOptionsAreNotPartOfTheExecutionKey() throws {
    #expect(try options("hidden").executionKey == options("").executionKey)
    #expect(try options("exercise").executionKey == options("").executionKey)
    #expect(try options("solution").executionKey == options("").executionKey)
    #expect(try options("norun").executionKey != options("").executionKey)
  }

  @Test func anUnknownOptionNamesTheFileAndLine() throws {
    let source = "# Options\n\nProse.\n\n```swift hiden\nprint(1)\n```\n"
    let book = try TestBook(["03-options.md": source])
    let (chapters, errors) = try BookLoader.loadAll(root: book.root)
    #expect(chapters.isEmpty)
    let error = try #require(errors.first)
    #expect(error.path == "chapters/03-options.md" && error.line == 5)
    #expect(
      error.description.hasPrefix("chapters/03-options.md:5: error: unknown cell option 'hiden'"))
    #expect(
      error.description.contains(
        "hidden, norun, compile-fail, exercise, solution, label=NAME, timeout=SECONDS")
    )
  }

  @Test func otherFencesAreNotCells() throws {
    let source = "# T\n\n```text\nplain\n```\n\n```python\nx = 1\n```\n\n```swift\nprint(1)\n```\n"
    let chapter = try ChapterParser.parse(
      path: "chapters/01-t.md", number: 1, slug: "t", source: source)
    #expect(chapter.cells.count == 1)
    #expect(chapter.cells[0].fenceLine == 11 && chapter.cells[0].code == "print(1)\n")
  }

  /// `hidden`, `norun` and `compile-fail` in a real build: one compile for all three.
  @Test func optionsChangeWhatRunsAndWhatIsShown() throws {
    let source = chapter(
      "Options",
      [
        ("hidden", "let secret = 41\nprint(\"hidden ran\")"),
        ("norun", "print(\"norun must not run\")\nlet shownOnly: Int = secret + 1"),
        ("compile-fail", "let wrong: Int = \"not a number\""),
        ("", "print(\"visible\", secret + 1)"),
      ])
    let book = try TestBook(["01-options.md": source])
    let report = try book.run()
    #expect(report.errors.isEmpty, "\(report.errors)")
    let outputs = try #require(book.recorded("01-options"))
    #expect(outputs.count == 4)
    #expect(printedText(outputs[0]) == "hidden ran")
    #expect(outputs[1].isEmpty)
    let diagnostic = try #require(outputs[2].diagnostic)
    #expect(diagnostic.contains("error: cannot convert value of type 'String'"))
    #expect(diagnostic.contains("[cell line 1]") && !diagnostic.contains("chapters/"))
    #expect(printedText(outputs[3]) == "visible 42")
    let page = book.page("01-options")
    #expect(!page.contains("let secret = 41"), "a hidden cell's code is not shown")
    #expect(page.contains("hidden ran"))
    #expect(page.contains("norun must not run"), "a norun cell's code is shown")
  }

  /// An exercise's starting code is labelled and runs; its solution is folded, runs and is
  /// recorded.
  @Test func exercisesShowTheirStartAndFoldTheirSolution() throws {
    let source = chapter(
      "Exercises",
      [
        ("exercise", "var total = 0\nfor k in 1...3 { total += k }\nprint(\"start\", total)"),
        ("solution", "print(\"solved\", (1...4).reduce(0, +))"),
      ])
    let book = try TestBook(["01-exercises.md": source])
    let report = try book.run()
    #expect(report.errors.isEmpty, "\(report.errors)")
    let outputs = try #require(book.recorded("01-exercises"))
    #expect(printedText(outputs[0]) == "start 6" && printedText(outputs[1]) == "solved 10")
    let page = book.page("01-exercises")
    #expect(page.contains("<section class=\"cell exercise\" id=\"cell-1\""))
    #expect(page.contains("exercise: start here</span>"))
    #expect(
      page.contains(
        "<section class=\"cell solution\" id=\"cell-2\" data-line=\"11\">\n"
          + "<details class=\"solution\"><summary>Show solution</summary>"))
    let folded = try #require(page.range(of: "<summary>Show solution</summary>"))
    let output = try #require(page.range(of: "solved 10"))
    let closed = try #require(
      page.range(of: "</details>", range: output.upperBound..<page.endIndex))
    #expect(folded.upperBound < output.lowerBound && output.upperBound < closed.lowerBound)
  }

  @Test func aNorunCellIsStillTypeChecked() throws {
    let source = chapter("Norun", [("norun", "let n: Int = \"a\"")])
    let book = try TestBook(["01-norun.md": source])
    let report = try book.run()
    let error = try #require(report.errors.first)
    #expect(error.path == "chapters/01-norun.md" && error.line == 4)
  }

  @Test func aCompileFailCellThatCompilesIsAnError() throws {
    let source = chapter("Fine", [("compile-fail", "let fine = 1")])
    let book = try TestBook(["01-fine.md": source])
    let report = try book.run()
    #expect(report.errors.map(\.message) == ["this cell is marked compile-fail, but it compiles"])
    #expect(report.errors.first?.line == 3)
  }
}
