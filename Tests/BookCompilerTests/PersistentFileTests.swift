import Foundation
import Testing

@testable import BookCompiler

/// The one way the compiler keeps a file between builds: what it saves it loads, and what
/// is damaged, foreign or missing loads as nothing.
@Suite struct PersistentFileTests {
  @Test func whatIsSavedLoads() throws {
    let file = PersistentFile<[String: Double]>(
      url: try scratchFolder("rlbook-persistent").appendingPathComponent("a/b.json"),
      format: "test 1")
    #expect(file.load() == nil)
    try file.save(["x": 1.5, "y": -2])
    #expect(file.load() == ["x": 1.5, "y": -2])
  }

  @Test func aDamagedOrForeignFileLoadsAsNothing() throws {
    let url = try scratchFolder("rlbook-persistent").appendingPathComponent("v.json")
    let file = PersistentFile<[Int]>(url: url, format: "test 1")
    try file.save([1, 2, 3])
    let data = try Data(contentsOf: url)
    try data.prefix(data.count - 2).write(to: url)  // a torn write
    #expect(file.load() == nil)
    try file.save([1, 2, 3])
    let forged = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
      of: "3", with: "4")
    try forged.write(to: url, atomically: true, encoding: .utf8)  // body and digest disagree
    #expect(file.load() == nil)
    try file.save([1, 2, 3])
    #expect(PersistentFile<[Int]>(url: url, format: "test 2").load() == nil)
  }

  @Test func anUnchangedValueLeavesTheFileAlone() throws {
    let url = try scratchFolder("rlbook-persistent").appendingPathComponent("v.json")
    let file = PersistentFile<String>(url: url, format: "test 1")
    try file.save("same")
    let before = FileStamp.of(url.path)
    Thread.sleep(forTimeInterval: 0.02)
    try file.save("same")
    #expect(FileStamp.of(url.path) == before)
  }

  @Test func savingIntoAnUnwritableFolderThrows() throws {
    let file = PersistentFile<String>(
      url: URL(fileURLWithPath: "/proc/rlbook-cannot-write/v.json"), format: "test 1")
    #expect(throws: (any Error).self) { try file.save("x") }
  }
}
