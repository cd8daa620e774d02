import BookCompiler
import Foundation
import Testing

/// Static checks of the real book in `chapters/`.
///
/// Running every chapter fresh against its record is the book's regression suite, but
/// `make test` already does exactly that with `rlbook test` right after `swift test`;
/// doing it here too would double the slowest part of `make test`. So these tests check,
/// without compiling anything, what `rlbook test` takes for granted: every chapter parses,
/// every chapter has a record whose cells match its cells one for one, the record is in
/// its canonical form (so a stray hand edit shows up here, with a clear message), and
/// titles and places in the book are unique.
@Suite struct BookConsistencyTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func chapters() throws -> [Chapter] {
    try BookLoader.load(root: root)
  }

  @Test func everyChapterParses() throws {
    let chapters = try Self.chapters()
    #expect(!chapters.isEmpty)
  }

  @Test func everyChapterHasACanonicalRecordWithOneEntryPerCell() throws {
    for chapter in try Self.chapters() {
      let url = Self.root.appendingPathComponent(chapter.outputsPath)
      let text = try #require(
        try? String(contentsOf: url, encoding: .utf8),
        "\(chapter.outputsPath) is missing: run `make site`")
      let outputs = try #require(
        RecordedOutputs.parse(text), "\(chapter.outputsPath) is malformed: run `make site`")
      #expect(
        outputs.count == chapter.cells.count,
        "\(chapter.outputsPath) records \(outputs.count) cells, \(chapter.path) has \(chapter.cells.count)"
      )
      #expect(
        RecordedOutputs.serialize(outputs, chapterPath: chapter.path) == text,
        "\(chapter.outputsPath) is not as rlbook writes it: was it edited by hand?")
      for cell in chapter.cells where cell.options.compileFail {
        #expect(
          outputs.indices.contains(cell.index) && outputs[cell.index].diagnostic != nil,
          "\(chapter.path):\(cell.fenceLine): a compile-fail cell has no recorded diagnostic")
      }
    }
  }

  @Test func titlesAndNumbersAreUnique() throws {
    let chapters = try Self.chapters()
    #expect(Set(chapters.map(\.title)).count == chapters.count, "two chapters share a title")
    #expect(Set(chapters.map(\.number)).count == chapters.count)
    #expect(chapters.map(\.number) == chapters.map(\.number).sorted())
  }

  @Test func noRecordIsLeftWithoutItsChapter() throws {
    let folder = Self.root.appendingPathComponent("chapters")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    for record in names where record.hasSuffix(".out") {
      let markdown = String(record.dropLast(4)) + ".md"
      #expect(names.contains(markdown), "chapters/\(record) has no chapters/\(markdown)")
    }
  }
}
