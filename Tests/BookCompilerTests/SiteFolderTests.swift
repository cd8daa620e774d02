import Foundation
import Testing

@testable import BookCompiler

/// Runs `mount` with `arguments`; whether it succeeded.
@discardableResult
private func mount(_ arguments: [String]) -> Bool { run("/bin/mount", arguments) }

/// Unmounts `path`; whether it succeeded.
@discardableResult
private func unmount(_ path: String) -> Bool { run("/bin/umount", [path]) }

/// Runs `tool` with `arguments`; whether it succeeded.
private func run(_ tool: String, _ arguments: [String]) -> Bool {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: tool)
  process.arguments = arguments
  process.standardError = FileHandle.nullDevice
  guard (try? process.run()) != nil else { return false }
  process.waitUntilExit()
  return process.terminationStatus == 0
}

/// Whether this machine lets the tests mount file systems (root, outside a locked-down
/// container). The tests that need it say so when it cannot.
private let canMount: Bool = {
  let probe = FileManager.default.temporaryDirectory
    .appendingPathComponent("rlbook-mount-probe-\(UUID().uuidString)")
  try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: probe) }
  guard mount(["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe.path]) else { return false }
  return unmount(probe.path)
}()

/// Where the book and its site live: a moved book, a `site` that is a link or a mount
/// point, and folders that cannot be written.
@Suite(.serialized) struct SiteFolderTests {
  private static let chapterText = "# A\n\n```swift\nprint(\"one\")\n```\n"

  /// A book folder moved (or copied) after a build keeps building: the module cache notices
  /// it is somewhere else and starts over.
  @Test func aMovedBookBuilds() throws {
    let book = try TestBook(["01-a.md": Self.chapterText])
    var options = BuildOptions(root: book.root)
    options.libraryDirectory = try Prerequisites.libraryPath()
    #expect(try Book(options: options, log: { _ in }, notice: { _ in }).run().succeeded)
    let moved = book.root.deletingLastPathComponent()
      .appendingPathComponent("rlbook-moved-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: book.root, to: moved)
    defer { try? FileManager.default.removeItem(at: moved) }
    options.root = moved
    options.force = true
    let report = try Book(options: options, log: { _ in }, notice: { _ in }).run()
    #expect(report.succeeded, "\(report.errors)")
  }

  @Test func aSiteThatIsALinkIsWrittenThrough() throws {
    let book = try TestBook(["01-a.md": Self.chapterText])
    let real = book.root.appendingPathComponent("published")
    try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
    for name in ["index.html", "stale.html"] {  // an earlier site
      try Data("old".utf8).write(to: real.appendingPathComponent(name))
    }
    try FileManager.default.createSymbolicLink(
      atPath: book.root.appendingPathComponent("site").path, withDestinationPath: "published")
    #expect(try book.run().succeeded)
    let site = book.root.appendingPathComponent("site").path
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site) == "published")
    #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("01-a.html").path))
    #expect(!FileManager.default.fileExists(atPath: real.appendingPathComponent("stale.html").path))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: book.root.path)
      .filter { $0.contains(".new-") }
    #expect(leftovers.isEmpty)
  }

  @Test(.enabled(if: canMount, "needs root to mount a tmpfs"))
  func aSiteThatIsAMountPointGetsNewContents() throws {
    let book = try TestBook(["01-a.md": Self.chapterText])
    let site = book.root.appendingPathComponent("site")
    try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
    #expect(mount(["-t", "tmpfs", "-o", "size=64m", "tmpfs", site.path]))
    defer { unmount(site.path) }
    for name in ["index.html", "stale.html"] {  // an earlier site
      try Data("old".utf8).write(to: site.appendingPathComponent(name))
    }
    let first = try book.run()
    #expect(first.succeeded, "\(first.errors)")
    try book.write("01-a.md", Self.chapterText.replacingOccurrences(of: "# A", with: "# Again"))
    #expect(try book.run().succeeded)
    #expect(Platform.isMountPoint(site.path))
    #expect(book.page("01-a").contains("Again"))
    let entries = try FileManager.default.contentsOfDirectory(atPath: site.path)
    #expect(!entries.contains("stale.html"))
    #expect(!entries.contains { $0.hasPrefix(".rlbook-") }, "\(entries)")
  }

  @Test(.enabled(if: canMount, "needs root to mount a read-only tmpfs"))
  func aReadOnlySiteIsAClearErrorAndLeavesNothingBehind() throws {
    let book = try TestBook(["01-a.md": Self.chapterText])
    let site = book.root.appendingPathComponent("site")
    try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
    #expect(mount(["-t", "tmpfs", "-o", "size=8m,ro", "tmpfs", site.path]))
    defer { unmount(site.path) }
    #expect {
      try book.run()
    } throws: { error in
      "\(error)".contains("cannot write the new site")
        && "\(error)".contains("Read-only file system")
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: book.root.path)
      .filter { $0.contains(".new-") }
    #expect(leftovers.isEmpty)
  }

  /// A record that cannot be written fails its chapter (exit 1); it is never silently stale.
  @Test(.enabled(if: canMount, "needs root to bind-mount chapters/ read-only"))
  func aReadOnlyRecordFailsTheChapter() throws {
    let book = try TestBook(["01-a.md": Self.chapterText])
    #expect(try book.run().succeeded)
    try book.write("01-a.md", Self.chapterText.replacingOccurrences(of: "one", with: "two"))
    let chapters = book.root.appendingPathComponent("chapters").path
    #expect(mount(["--bind", chapters, chapters]))
    defer { unmount(chapters) }
    #expect(mount(["-o", "remount,ro,bind", chapters]))
    let run = try book.runTool(["build"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("chapters/01-a.out"), "\(run.stderr)")
    #expect(book.read("chapters/01-a.out")?.contains("one") == true)
  }
}
