import Foundation
import Testing

@testable import BookCompiler

/// Cells export values; the prose quotes them as `{{name}}`; the record and `test` cover them.
@Suite(.serialized) struct InlineValueTests {
  static let chapter = """
    # Values

    ```swift
    export("answer", 6 * 7)
    export("label", "a <b> & c\\nd")
    print("done")
    ```

    The answer is {{answer}}, and the label {{ label }}.

    """

  @Test func exportedValuesAreSplicedIntoTheProseAndRecorded() throws {
    let book = try TestBook(["01-values.md": Self.chapter])
    let report = try book.run()
    #expect(report.errors.isEmpty, "\(report.errors)")
    let page = book.page("01-values")
    #expect(
      page.contains("The answer is <span class=\"computed\" title=\"Computed by cell 1\">42</span>")
    )
    #expect(page.contains(">a &lt;b&gt; &amp; c d</span>."))
    let record = try #require(book.read("chapters/01-values.out"))
    #expect(record.contains("── cell 1 · export · answer ──\n│ 42\n"))
    #expect(record.contains("── cell 1 · export · label ──\n│ a <b> & c d\n"))
    #expect(book.recorded("01-values")?.first?.exports.map(\.name) == ["answer", "label"])
    // The values are not printed under the cell.
    #expect(!page.contains("rlbook-export"))
  }

  @Test func aProseEditReRunsNothingAndAChangedValueFailsTheTest() throws {
    let book = try TestBook(["01-values.md": Self.chapter])
    try book.run()
    try book.write("01-values.md", Self.chapter + "Again: {{answer}}.\n")
    let edited = try book.run()
    #expect(edited.chapters.first?.source == .cached)
    #expect(book.page("01-values").contains("Again: <span class=\"computed\""))

    let record = try #require(book.read("chapters/01-values.out"))
    try book.writeFile(
      "chapters/01-values.out", record.replacingOccurrences(of: "│ 42\n", with: "│ 41\n"))
    let test = try book.run(.test)
    #expect(test.chapters.first?.mismatches.first?.contains("-│ 41") == true)
  }

  @Test func anUnknownNameIsAnErrorAtItsProseLineInBuildAndTest() throws {
    let book = try TestBook([
      "01-values.md": Self.chapter + "\nAnd {{answr}}.\n"
    ])
    for mode in [BuildOptions.Mode.build, .test] {
      let report = try book.run(mode)
      let error = try #require(report.errors.first)
      #expect(error.location == "chapters/01-values.md:11")
      #expect(error.message.contains("{{answr}} names no value"))
      #expect(error.detail?.contains("answer, label") == true)
      #expect(!report.wroteSite)
    }
  }

  /// Inside a link's address or title, a reference becomes plain text, never markup.
  @Test func referencesInsideAttributesAreText() throws {
    let book = try TestBook([
      "01-values.md": Self.chapter
        + "\n[See](https://example.org/{{answer}} \"is {{label}}\").\n"
    ])
    let report = try book.run()
    #expect(report.errors.isEmpty, "\(report.errors)")
    #expect(
      book.page("01-values").contains(
        "<a href=\"https://example.org/42\" title=\"is a &lt;b&gt; &amp; c d\">See</a>"))
  }

  @Test func twoCellsExportingOneNameIsAnError() throws {
    let book = try TestBook([
      "01-twice.md": "# T\n\n```swift\nexport(\"x\", 1)\n```\n\n```swift\nexport(\"x\", 2)\n```\n"
    ])
    let report = try book.run()
    let error = try #require(report.errors.first)
    #expect(error.location == "chapters/01-twice.md:7")
    #expect(error.message.contains("cells 1 and 2 both export 'x'"))
  }

  @Test func theDecoderCutsOutExportsAndKeepsMalformedOnesAsText() {
    let items = OutputDecoder.items(
      fromStdout: Data(
        ("\u{1}rlbook-export 9x 1\nbefore\u{1}rlbook-export ok v%3C1%0A%092\n"
          + "\u{1}rlbook-export a%20b 3\n").utf8),
      truncated: false)
    #expect(
      items == [
        .text("\u{2401}rlbook-export 9x 1\nbefore"), .export(name: "ok", value: "v<1  2"),
        .text("\u{2401}rlbook-export a%20b 3"),
      ])
  }
}
