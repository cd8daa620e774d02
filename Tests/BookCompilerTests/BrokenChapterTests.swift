import Foundation
import Testing

@testable import BookCompiler

/// Chapter files that cannot be read as chapters: each gives an error naming the file (and
/// the line, where there is one). None of these needs a compiler.
@Suite struct BrokenChapterTests {
  private func errors(_ files: [String: Data]) throws -> [BookError] {
    let book = try TestBook()
    for (name, data) in files {
      try data.write(to: book.root.appendingPathComponent("chapters/\(name)"))
    }
    try book.listChapters()
    return try BookLoader.loadAll(root: book.root).errors
  }

  private func errors(_ name: String, _ text: String) throws -> [BookError] {
    try errors([name: Data(text.utf8)])
  }

  @Test func anUnterminatedFenceNamesItsLine() throws {
    let found = try errors("01-open.md", "# Open\n\nProse.\n\n```swift\nprint(1)\n\nMore prose.\n")
    #expect(found.count == 1)
    #expect(
      found.first?.description.hasPrefix(
        "chapters/01-open.md:5: error: this code fence is never closed") == true)
  }

  @Test func anUnterminatedFenceInsideAQuoteIsFound() throws {
    let found = try errors("01-quote.md", "# Quote\n\n> ```swift\n> print(1)\n\nAfter.\n")
    #expect(found.map(\.line) == [3])
  }

  @Test func aTildeFenceClosedByBackticksIsStillOpen() throws {
    let found = try errors("01-tilde.md", "# T\n\n~~~swift\nprint(1)\n```\n")
    #expect(found.map(\.line) == [3])
  }

  @Test(arguments: ["", "\n\n", "   \n\t\n"])
  func anEmptyChapterIsAnError(_ text: String) throws {
    let found = try errors("02-empty.md", text)
    #expect(
      found.map(\.description) == [
        "chapters/02-empty.md:1: error: the chapter is empty: start it with a line '# Title'"
      ])
  }

  @Test func aChapterWithoutATitleIsAnError() throws {
    let found = try errors("02-untitled.md", "Just prose.\n")
    #expect(found.map(\.line) == [1])
    #expect(found.first?.message.contains("'# Title'") == true)
  }

  @Test func aFileThatIsNotUTF8NamesTheLine() throws {
    var data = Data("# Latin-1\n\nfine line\n".utf8)
    data += Data([0x63, 0x61, 0x66, 0xE9, 0x0A])  // "café" in Latin-1
    data += Data("more\n".utf8)
    let found = try errors(["03-latin1.md": data])
    #expect(
      found.map(\.description) == ["chapters/03-latin1.md:4: error: the file is not valid UTF-8"])
  }

  @Test func twoChaptersWithTheSameNumberAreAnError() throws {
    let found = try errors([
      "04-alpha.md": Data("# Alpha\n".utf8), "04-beta.md": Data("# Beta\n".utf8),
    ])
    #expect(found.count == 1)
    #expect(found.first?.path == "chapters/04-beta.md")
    #expect(found.first?.message == "chapter number 4 is also claimed by chapters/04-alpha.md")
    // 4 and 004 are the same place too.
    let padded = try errors(["4-a.md": Data("# A\n".utf8), "004-b.md": Data("# B\n".utf8)])
    #expect(padded.count == 1)
  }

  @Test func aFileNameWithoutANumberIsAnError() throws {
    let found = try errors("intro.md", "# Intro\n")
    #expect(found.first?.path == "chapters/intro.md")
    #expect(found.first?.message.contains("01-first-steps.md") == true)
  }

  @Test func aMissingChaptersFolderIsAnError() throws {
    let book = try TestBook()
    try FileManager.default.removeItem(at: book.root.appendingPathComponent("chapters"))
    #expect {
      _ = try BookLoader.loadAll(root: book.root)
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix(
        "chapters: error: there is no 'chapters/' folder under \(book.root.path)")
        && text.contains("--root")
    }
  }

  @Test func anEmptyChaptersFolderIsAnError() throws {
    let book = try TestBook()
    #expect {
      _ = try BookLoader.loadAll(root: book.root)
    } throws: { "\($0)".contains("the folder holds no chapters") }
  }

  @Test func everyProblemIsReportedNotJustTheFirst() throws {
    let found = try errors([
      "01-good.md": Data("# Good\n".utf8),
      "02-bad.md": Data("# Bad\n\n```swift nope\n1\n```\n\n```swift timeout=x\n2\n```\n".utf8),
      "03-empty.md": Data(),
    ])
    #expect(
      found.map(\.location) == [
        "chapters/02-bad.md:3", "chapters/02-bad.md:7", "chapters/03-empty.md:1",
      ])
  }

  /// A broken chapter stops the site from being written but not the other chapters.
  @Test func theBuildReportsBrokenChaptersAndKeepsTheSite() throws {
    let book = try TestBook(["01-a.md": "# A\n\nProse only.\n"])
    #expect(try book.run().wroteSite)
    let before = book.siteFiles()
    try book.write("02-b.md", "# B\n\n```swift hiden\nprint(1)\n```\n")
    try book.write("01-a.md", "# A changed\n")
    let report = try book.run()
    #expect(!report.wroteSite && report.errors.map(\.location) == ["chapters/02-b.md:3"])
    #expect(report.chapters.map(\.path) == ["chapters/01-a.md"])
    #expect(book.siteFiles() == before)
  }
}

/// Line endings other than `\n`, as cmark-gfm counts them.
@Suite struct LineEndingTests {
  @Test(arguments: ["\r\n", "\r"])
  func aChapterWithOtherLineEndingsParses(_ newline: String) throws {
    let source = ["# T", "", "Prose.", "", "```swift", "print(1)", "```", ""].joined(
      separator: newline)
    let chapter = try ChapterParser.parse(
      path: "chapters/01-t.md", number: 1, slug: "t", source: source)
    #expect(chapter.cells.map(\.fenceLine) == [5])
  }
}
