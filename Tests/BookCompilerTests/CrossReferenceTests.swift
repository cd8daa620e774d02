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
