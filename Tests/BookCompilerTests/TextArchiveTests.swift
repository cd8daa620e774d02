import Foundation
import Testing

@testable import BookCompiler

/// The render cache's archive of verbatim texts: what it saves it loads, byte for byte, and
/// what is damaged, foreign or missing loads as nothing.
@Suite struct TextArchiveTests {
  /// Texts that JSON would escape, that hold the format's own separators, and none at all.
  let entries = [
    "html": "<p class=\"a\">x\\y</p>\n\n12 34\n", "empty": "", "math/0f": "é ∑ \u{0} \r\n",
    "printable": String(repeating: "line \"quoted\"\n", count: 2000),
  ]

  @Test func whatIsSavedLoadsExactly() throws {
    let archive = TextArchive(
      url: try scratchFolder("rlbook-archive").appendingPathComponent("a/b"), format: "t 1")
    #expect(archive.load() == nil)
    try archive.save(entries)
    #expect(archive.load() == entries)
    try archive.save([:])
    #expect(archive.load() == [:])
  }

  @Test func aDamagedOrForeignArchiveLoadsAsNothing() throws {
    let url = try scratchFolder("rlbook-archive").appendingPathComponent("v")
    let archive = TextArchive(url: url, format: "t 1")
    try archive.save(entries)
    let data = try Data(contentsOf: url)
    try data.prefix(data.count - 1).write(to: url)  // a torn write
    #expect(archive.load() == nil)
    try archive.save(entries)
    var forged = try Data(contentsOf: url)
    forged[forged.count - 3] ^= 1  // body and digest disagree
    try forged.write(to: url)
    #expect(archive.load() == nil)
    try archive.save(entries)
    #expect(TextArchive(url: url, format: "t 2").load() == nil)
    for body in ["html 5\nab\n", "html \(Int.max)\nab\n", "html -1\n\n", "html\n", "a b c\n"] {
      let digest = StableHasher.digest(Data(body.utf8))
      try Data("t 1 \(digest)\n\(body)".utf8).write(to: url)  // well signed, badly formed
      #expect(archive.load() == nil, "\(body)")
    }
  }

  @Test func equalEntriesGiveEqualFilesAndAreNotRewritten() throws {
    let folder = try scratchFolder("rlbook-archive")
    let first = TextArchive(url: folder.appendingPathComponent("1"), format: "t 1")
    let second = TextArchive(url: folder.appendingPathComponent("2"), format: "t 1")
    try first.save(entries)
    try second.save(Dictionary(uniqueKeysWithValues: entries.reversed()))
    #expect(try Data(contentsOf: first.url) == Data(contentsOf: second.url))
    let before = FileStamp.of(first.url.path)
    Thread.sleep(forTimeInterval: 0.02)
    try first.save(entries)
    #expect(FileStamp.of(first.url.path) == before)
  }
}
