import Foundation
import Testing

@testable import BookCompiler

/// The same book gives the same bytes; a cell that does not is caught and named.
@Suite struct DeterminismTests {
  static let steady = chapter(
    "Steady",
    [
      ("", "var g = SeededGenerator(seed: 7)\nprint(fixed(g.uniform(), 4))"),
      (
        "",
        "var plot = LinePlot(title: \"T\", xLabel: \"x\", yLabel: \"y\")\nplot.add(\"s\", y: [1, 3, 2])\ndisplay(plot)"
      ),
    ])

  @Test func checkDeterminismNamesACellThatPrintsAnAddressOrTheTime() throws {
    let source = chapter(
      "Unsteady",
      [
        ("", "print(\"steady\")"),
        (
          "",
          "import Foundation\nfinal class Box {}\nlet box = Box()\nprint(Unmanaged.passUnretained(box).toOpaque())\nprint(Date().timeIntervalSince1970)"
        ),
      ])
    let book = try TestBook(["01-unsteady.md": source])
    try book.run()
    let report = try book.run(.test, checkDeterminism: true)
    let unsteady = report.mismatches.filter { $0.contains("not deterministic") }
    #expect(unsteady.count == 1, "\(report.mismatches)")
    let line = fenceLines(source)[1]
    #expect(
      unsteady.first?.hasPrefix(
        "chapters/01-unsteady.md:\(line): cell 2 output is not deterministic: it differs between two runs"
      ) == true)
    #expect(unsteady.first?.contains("(first run)") == true)
    #expect(!report.mismatches.joined().contains("cell 1 "), "the steady cell is not named")
  }

  @Test func aSteadyChapterPassesTheDeterminismCheck() throws {
    let book = try TestBook(["01-steady.md": Self.steady])
    try book.run()
    let report = try book.run(.test, checkDeterminism: true)
    #expect(report.succeeded, "\(report.mismatches)")
  }

  /// Two clean builds in two different folders: the same site and records, byte for byte
  /// (so no path, time or address leaks into either).
  @Test func twoCleanBuildsAreByteIdentical() throws {
    let files = ["01-steady.md": Self.steady, "02-prose.md": "# Prose\n\nOnly $x^2$ words.\n"]
    let first = try TestBook(files)
    let second = try TestBook(files)
    #expect(try first.run().wroteSite)
    #expect(try second.run().wroteSite)
    let site = first.siteFiles()
    #expect(!site.isEmpty)
    #expect(site == second.siteFiles())
    #expect(first.read("chapters/01-steady.out") == second.read("chapters/01-steady.out"))
    // A forced rebuild of the same folder changes nothing either.
    try first.run(force: true)
    #expect(first.siteFiles() == site)
  }
}
