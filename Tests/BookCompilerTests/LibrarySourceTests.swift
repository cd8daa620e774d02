import Foundation
import Testing

@testable import BookCompiler

/// `swift source=NAME` blocks, the library's source pages, and links from code to definitions.
@Suite(.serialized) struct LibrarySourceTests {
  static let library = """
    /// Trains a thing.
    /// Twice.
    public func trainThing(steps: Int) -> Int {
      var total = 0
      for step in 0..<steps {
        // region update
        total += step
        // endregion
      }
      return total
    }

    /// A box.
    public struct SeededGenerator {
      /// Its size.
      public var size = 3
      func helper() {}
      func helper(_ x: Int) {}
    }

    """

  static func book(_ chapter: String) throws -> TestBook {
    let book = try TestBook(["01-code.md": chapter])
    book.bookSettings = ""
    try FileManager.default.createDirectory(
      at: book.root.appendingPathComponent("Lib/Train"), withIntermediateDirectories: true)
    try book.writeFile("Lib/Train/Thing.swift", library)
    return book
  }

  static func withLibrary(_ book: TestBook) throws {
    try book.listChapters()
    let toml = (book.read("book.toml") ?? "") + "\n[library]\nsources = \"Lib\"\n"
    book.listsEveryChapter = false
    try book.writeFile("book.toml", toml)
  }

  @Test func declarationsMembersAndRegionsAreShownWithTheirPlace() throws {
    let book = try Self.book(
      "# Code\n\n```swift source=trainThing\n```\n\n```swift source=SeededGenerator.size\n```\n\n"
        + "```swift source=Thing.swift#update\n```\n\n```swift\nvar g = SeededGenerator(seed: 1)\n"
        + "print(fixed(Double(g.next() % 3), 0))\n```\n")
    try Self.withLibrary(book)
    let report = try book.run()
    #expect(report.errors.isEmpty, "\(report.errors)")
    let page = book.page("01-code")
    #expect(
      page.contains(
        "<a class=\"source-link\" href=\"source-Train-Thing.swift.html#decl-trainThing\">"
          + "Lib/Train/Thing.swift, lines 1–11</a>"))
    #expect(page.contains("Trains a thing."))
    #expect(page.contains("Lib/Train/Thing.swift, lines 15–16</a>"))
    // A region: its markers left out, its indentation removed.
    #expect(page.contains("Lib/Train/Thing.swift, line 7</a>"))
    #expect(
      page.contains("<code class=\"language-swift\">total <span")
        || page.contains("<code class=\"language-swift\">total +="))
    // The cell's use of a library type links to its definition; its member access does not.
    #expect(
      page.contains(
        "<a class=\"symbol\" href=\"source-Train-Thing.swift.html#decl-SeededGenerator\">"))
    // The source pages.
    let source = book.page("source-Train-Thing.swift")
    #expect(source.contains("<span id=\"decl-trainThing\"></span><a id=\"L1\" href=\"#L1\">1</a>"))
    #expect(source.contains("<span id=\"decl-SeededGenerator.size\"></span><a id=\"L15\""))
    #expect(
      book.page("source").contains(
        "<a href=\"source-Train-Thing.swift.html\"><code>Train/Thing.swift</code></a>"))
    #expect(page.contains("<a href=\"source.html\">Library source</a>"))

    // Editing the library updates the inclusion, and re-runs nothing.
    try book.writeFile(
      "Lib/Train/Thing.swift",
      Self.library.replacingOccurrences(of: "total += step", with: "total += 2 * step"))
    let again = try book.run()
    #expect(again.chapters.first?.source == .cached)
    #expect(book.page("01-code").contains("<span class=\"n\">2</span> * step"))
  }

  @Test func namesThatDoNotResolveAreErrorsAtTheirLines() throws {
    let book = try Self.book(
      "# Code\n\n```swift source=trainThings\n```\n\n```swift source=SeededGenerator.helper\n```\n")
    try book.write(
      "02-broken.md",
      "# Broken\n\n```swift source=trainThing\nlet x = 1\n```\n\n```swift source=update hidden\n```\n"
    )
    try Self.withLibrary(book)
    let errors = try book.run().errors
    #expect(
      Set(errors.map(\.location)) == [
        "chapters/01-code.md:3", "chapters/01-code.md:6", "chapters/02-broken.md:3",
        "chapters/02-broken.md:7",
      ], "\(errors)")
    let messages = errors.map(\.message)
    #expect(messages.contains("a source= block shows the library's code: leave the block empty"))
    #expect(messages.contains("a source= block takes no other option"))
    #expect(
      messages.contains {
        $0.contains(
          "source=trainThings names no declaration or region of Lib (similar: trainThing)")
      })
    #expect(
      messages.contains {
        $0.contains("is ambiguous: Lib/Train/Thing.swift:17, Lib/Train/Thing.swift:18")
      })
  }

  @Test func withoutALibraryASourceBlockIsAnError() throws {
    let book = try Self.book("# Code\n\n```swift source=trainThing\n```\n")
    let error = try #require(try book.run().errors.first)
    #expect(error.location == "chapters/01-code.md:3")
    #expect(error.message.contains("book.toml names no library"))
  }

  @Test func onlyUsesOfANameLink() {
    let links = SymbolLinks(addresses: ["trainThing": "p.html#a", "Box": "p.html#b"])
    let html = SwiftHighlighter.highlight(
      "let r = trainThing(steps: 3)\nfunc trainThing() {}\nx.trainThing()\nlet b: Box = .init()",
      links: links)
    #expect(html.components(separatedBy: "href=\"p.html#a\"").count == 2)
    #expect(html.contains("<a class=\"symbol\" href=\"p.html#b\"><span class=\"t\">Box</span></a>"))
  }
}
