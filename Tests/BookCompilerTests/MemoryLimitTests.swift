import Foundation
import Testing

@testable import BookCompiler

/// Each chapter's program has a memory limit (`[run] memory-limit-gib`, 2 GiB by default);
/// a cell that passes it fails with a message that says so, at the cell.
@Suite struct MemoryLimitTests {
  /// 20 GiB asked for at once, under the default limit, is refused.
  @Test func aHugeReservationStopsAtTheDefaultLimit() throws {
    let source = chapter(
      "Reserve",
      [
        ("", "print(\"before\")"),
        (
          "",
          """
          let block = UnsafeMutableRawPointer.allocate(byteCount: 20 << 30, alignment: 16)
          block.storeBytes(of: 1, as: UInt8.self)
          print("reserved")
          """
        ),
      ])
    let book = try TestBook(["01-reserve.md": source])
    let (status, stderr) = try book.runTool(["build"])
    let fence = fenceLines(source)[1]
    #expect(status == 1)
    #expect(
      stderr.contains(
        ": error: the cell at line \(fence) ran out of memory (the chapter's limit is 2 GiB;"
          + " raise it with `memory-limit-gib` under [run] in book.toml)"), "\(stderr)")
    #expect(stderr.contains("chapters/01-reserve.md:"), "\(stderr)")
    #expect(!stderr.contains("reserved"))
  }

  /// Memory touched little by little stops at the limit set in `book.toml`.
  @Test func growingMemoryStopsAtTheBookLimit() throws {
    let source = chapter(
      "Grow",
      [
        (
          "",
          """
          var blocks: [[UInt8]] = []
          for step in 1...192 {  // 16 MiB at a time, up to 3 GiB
            blocks.append([UInt8](repeating: UInt8(step % 256), count: 16 << 20))
          }
          print(blocks.count)
          """
        )
      ])
    let book = try TestBook(["01-grow.md": source])
    book.listsEveryChapter = false
    try Data(
      """
      [book]
      title = "Grow"

      [[part]]
      name = "Part"
      chapters = ["01-grow.md"]

      [run]
      memory-limit-gib = 0.5
      """.utf8
    ).write(to: book.root.appendingPathComponent("book.toml"))
    let (status, stderr) = try book.runTool(["build"])
    let fence = fenceLines(source)[0]
    #expect(status == 1)
    #expect(
      stderr.contains(
        ": error: the cell at line \(fence) ran out of memory (the chapter's limit is 0.5 GiB;"),
      "\(stderr)")
  }

  /// The key is checked: a number of GiB within bounds.
  @Test func theLimitMustBeASensibleNumber() throws {
    for value in ["0", "\"4\"", "2048"] {
      do {
        _ = try ManifestParser.parse(
          "[book]\ntitle = \"T\"\n\n[run]\nmemory-limit-gib = \(value)\n")
        Issue.record("memory-limit-gib = \(value) was accepted")
      } catch {
        #expect(
          error.errors.map(\.message) == [
            "[run] memory-limit-gib must be a number of GiB from 0.25 to 1024, such as 4"
          ])
        #expect(error.errors.first?.line == 5)
      }
    }
    let manifest = try ManifestParser.parse(
      "[book]\ntitle = \"T\"\n\n[run]\nmemory-limit-gib = 3\n")
    #expect(manifest.memoryLimit == 3 << 30)
    #expect(try ManifestParser.parse("[book]\ntitle = \"T\"\n").memoryLimit == 2 << 30)
  }
}
