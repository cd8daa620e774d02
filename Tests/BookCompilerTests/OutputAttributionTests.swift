import Foundation
import Testing

@testable import BookCompiler

/// Every cell's stdout and stderr belong to exactly that cell; plots land under their cell,
/// between the text printed before and after them. One chapter, one compile, many checks.
@Suite struct OutputAttributionTests {
  static let source = chapter(
    "Attribution",
    [
      ("", "var counter = 1\nprint(\"first stdout\")"),
      (
        "",
        """
        import Foundation
        for i in 1...3 {
          print("out \\(i)")
          FileHandle.standardError.write("err \\(i)\\n".data(using: .utf8)!)
        }
        counter += 1
        """
      ),
      ("", "let silent = counter * 10"),
      ("", "FileHandle.standardError.write(\"only stderr\\n\".data(using: .utf8)!)"),
      (
        "",
        """
        print("before the plot")
        var plot = LinePlot(title: "A line", xLabel: "x", yLabel: "y")
        plot.add("up", x: [0, 1, 2], y: [0, 1, 4])
        display(plot)
        print("after the plot")
        """
      ),
      ("", "print(\"state carries over:\", counter, silent)"),
      ("", "print(\"no trailing newline\", terminator: \"\")"),
    ])

  /// The book is built once and shared by the tests below.
  static let built: Result<TestBook, any Error> = Result {
    let book = try TestBook(["01-attribution.md": source])
    let report = try book.run()
    guard report.errors.isEmpty else { throw MissingPrerequisite(description: "\(report.errors)") }
    return book
  }

  private func outputs() throws -> [CellOutput] {
    let book = try Self.built.get()
    return try #require(book.recorded("01-attribution"))
  }

  @Test func eachCellHasItsOwnStdout() throws {
    let o = try outputs()
    #expect(o.count == 7)
    #expect(o[0] == CellOutput(items: [.text("first stdout")]))
    #expect(printedText(o[5]) == "state carries over: 2 20")
    #expect(printedText(o[6]) == "no trailing newline")
  }

  @Test func stdoutAndStderrAreSeparatedAndKeepTheirOrder() throws {
    let o = try outputs()
    #expect(o[1].items == [.text("out 1\nout 2\nout 3")])
    #expect(o[1].stderr == "err 1\nerr 2\nerr 3")
    #expect(o[0].stderr.isEmpty && o[5].stderr.isEmpty)
  }

  @Test func aCellThatPrintsNothingHasNoOutput() throws {
    let o = try outputs()
    #expect(o[2].isEmpty)
    let book = try Self.built.get()
    #expect(book.read("chapters/01-attribution.out")?.contains("── cell 3 · no output ──") == true)
  }

  @Test func aCellWithOnlyStderrHasNoStdout() throws {
    let o = try outputs()
    #expect(o[3].items.isEmpty && o[3].stderr == "only stderr")
  }

  @Test func aPlotIsAnSVGBetweenTheTextAroundIt() throws {
    let o = try outputs()
    #expect(o[4].items.count == 3)
    #expect(o[4].items.first == .text("before the plot"))
    #expect(o[4].items.last == .text("after the plot"))
    guard case .svg(let alt, let markup) = o[4].items[1] else {
      Issue.record("the middle item is not a plot: \(o[4].items[1])")
      return
    }
    #expect(alt.contains("A line"))
    #expect(markup.hasPrefix("<svg") && markup.hasSuffix("</svg>"))
  }

  @Test func thePageShowsThePlotUnderItsCell() throws {
    let page = try Self.built.get().page("01-attribution")
    let cell = try #require(page.range(of: "id=\"cell-5\""))
    let next = try #require(page.range(of: "id=\"cell-6\""))
    let code = try #require(page[cell.upperBound...].range(of: "</code></pre>"))
    let section = page[code.upperBound..<next.lowerBound]  // the outputs, after the code
    let before = try #require(section.range(of: "before the plot"))
    let svg = try #require(section.range(of: "<svg"))
    let after = try #require(section.range(of: "after the plot"))
    #expect(before.lowerBound < svg.lowerBound && svg.lowerBound < after.lowerBound)
    #expect(page.components(separatedBy: "<svg").count == 2, "exactly one plot on the page")
  }

  @Test func stderrIsShownOnThePage() throws {
    let page = try Self.built.get().page("01-attribution")
    #expect(page.contains("err 1\nerr 2\nerr 3"))
    #expect(page.contains("only stderr"))
  }
}
