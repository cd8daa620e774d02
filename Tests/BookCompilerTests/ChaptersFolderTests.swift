import Foundation
import Testing

@testable import BookCompiler

/// What `chapters/` may hold besides chapters, and options that are given twice.
@Suite struct ChaptersFolderTests {
  @Test func hiddenFilesAndAReadmeAreNotChapters() {
    #expect(BookLoader.isChapterFile("01-the-loop.md"))
    #expect(!BookLoader.isChapterFile(".#01-the-loop.md"))  // an editor's lock file
    #expect(!BookLoader.isChapterFile("._01-the-loop.md"))  // macOS metadata
    #expect(!BookLoader.isChapterFile("README.md"))
    #expect(!BookLoader.isChapterFile("01-the-loop.out"))
  }

  @Test func aBookWithLockFilesAndAReadmeBuilds() throws {
    let book = try TestBook(["01-a.md": "# A\n\n```swift\nprint(1)\n```\n"])
    for name in [".#01-a.md", "._01-a.md", "README.md"] {
      try Data("not a chapter".utf8).write(
        to: book.root.appendingPathComponent("chapters/\(name)"))
    }
    let report = try book.run()
    #expect(report.succeeded, "\(report.errors)")
    #expect(report.chapters.map(\.path) == ["chapters/01-a.md"])
  }

  @Test(arguments: ["hidden hidden", "timeout=5 timeout=0.5", "norun hidden norun"])
  func anOptionGivenTwiceIsAnError(_ options: String) {
    let words = options.split(separator: " ")
    #expect(throws: CellOptions.OptionError.self) { try CellOptions(parsing: words) }
  }
}

extension ChaptersFolderTests {
  /// A renamed chapter's old record goes; the new name gets its own.
  @Test func aRenamedChapterLeavesNoRecordBehind() throws {
    let book = try TestBook(["01-old.md": "# A\n\n```swift\nprint(1)\n```\n"])
    #expect(try book.run().succeeded)
    #expect(book.read("chapters/01-old.out") != nil)
    let chapters = book.root.appendingPathComponent("chapters")
    try FileManager.default.moveItem(
      at: chapters.appendingPathComponent("01-old.md"),
      to: chapters.appendingPathComponent("01-new.md"))
    #expect(try book.run().succeeded)
    #expect(book.read("chapters/01-old.out") == nil)
    #expect(book.read("chapters/01-new.out") != nil)
  }
}
