import Foundation
import Testing

@testable import BookCompiler

/// Links to `NN-slug.md#anchor`, "chapter N" mentions, and their errors.
@Suite(.serialized) struct CrossReferenceTests {
  static let second = "# Second\n\n## A section\n\nText of chapter 2, about chapter 1.\n"

  @Test func chapterLinksAndMentionsBecomePageLinks() throws {
    let book = try TestBook([
      "01-first.md": "# First\n\nSee [the section](02-second.md#a-section), [it](./02-second.md),"
        + " chapter 2, chapters 1 and 2, Chapter 2's end, `chapter 2` and chapter 9.\n\n## Chapter 2\n",
      "02-second.md": Self.second,
    ])
    let report = try book.run()
    #expect(report.errors.isEmpty, "\(report.errors)")
    let page = book.page("01-first")
    #expect(page.contains("<a href=\"02-second.html#a-section\">the section</a>"))
    #expect(page.contains("<a href=\"02-second.html\">it</a>"))
    #expect(
      page.contains(
        ", <a class=\"xref\" href=\"02-second.html\">chapter 2</a>, chapters 1 and "
          + "<a class=\"xref\" href=\"02-second.html\">2</a>, "
          + "<a class=\"xref\" href=\"02-second.html\">Chapter 2</a>'s end, <code>chapter 2</code>"
          + " and chapter 9."))
    // Headings are not linked.
    #expect(page.contains("</a>Chapter 2</h2>"))
    // The second chapter links to the first, not to itself.
    let other = book.page("02-second")
    #expect(
      other.contains(
        "Text of chapter 2, about <a class=\"xref\" href=\"01-first.html\">chapter 1</a>."))
    let print = book.read("site/print.html") ?? ""
    #expect(print.contains("<a href=\"#02-second--a-section\">the section</a>"))
  }

  @Test func aBrokenChapterOrAnchorIsAnErrorAtItsLine() throws {
    let book = try TestBook([
      "01-first.md": "# First\n\n[a](03-third.md)\n\n[b](02-second.md#no-such-part)\n\n"
        + "[c](02-second.md#cell-1)\n",
      "02-second.md": Self.second,
    ])
    let errors = try book.run().errors
    #expect(
      errors.map(\.location) == [
        "chapters/01-first.md:3", "chapters/01-first.md:5", "chapters/01-first.md:7",
      ])
    #expect(errors[0].message == "the link to 03-third.md points at no chapter of the book")
    #expect(errors[1].message == "02-second.md has no heading or cell '#no-such-part'")
    #expect(errors[1].detail?.contains("#a-section") == true)
  }
}

/// Figures are numbered per chapter, and the prose refers to them by label.
@Suite(.serialized) struct FigureTests {
  static func plot(_ title: String) -> String {
    let name = "plot" + title
    return "var \(name) = LinePlot(title: \"\(title)\", xLabel: \"x\", yLabel: \"y\")\n"
      + "\(name).add(\"y\", y: [1, 2])\ndisplay(\(name))"
  }

  @Test func figuresAreNumberedAndLabelsLinkToThem() throws {
    let source = """
      # Figures

      ```swift
      \(Self.plot("First"))
      display(plotFirst)
      ```

      ```swift label=curve
      \(Self.plot("Second"))
      ```

      As @fig-curve shows, and (@fig-curve).

      """
    let book = try TestBook(["03-figures.md": source])
    let report = try book.run()
    #expect(report.errors.isEmpty, "\(report.errors)")
    let page = book.page("03-figures")
    #expect(page.contains("<figure class=\"cell-plot\" id=\"figure-1\">"))
    #expect(page.contains("<figure class=\"cell-plot\" id=\"figure-2\">"))
    #expect(
      page.contains(
        "<a class=\"figure-number\" href=\"#figure-3\">Figure 3.3</a>"
          + "<span class=\"visually-hidden\">: Second"))
    #expect(page.contains("As <a class=\"xref\" href=\"#figure-3\">Figure 3.3</a> shows, and (<a "))
  }

  @Test func badLabelsAreErrors() throws {
    let source = """
      # Figures

      ```swift label=a
      print(1)
      ```

      ```swift label=b
      \(Self.plot("One"))
      ```

      ```swift label=b
      \(Self.plot("Two"))
      ```

      See @fig-c.

      """
    let book = try TestBook(["01-figures.md": source])
    let errors = try book.run().errors
    #expect(
      Set(errors.map(\.location)) == [
        "chapters/01-figures.md:3", "chapters/01-figures.md:13", "chapters/01-figures.md:19",
      ], "\(errors)")
    #expect(
      errors.contains { $0.message == "label=a names this cell's figure, but the cell drew none" })
    #expect(errors.contains { $0.message == "label=b is given to two cells" })
    #expect(errors.contains { $0.message == "@fig-c names no figure of this chapter" })
  }
}
