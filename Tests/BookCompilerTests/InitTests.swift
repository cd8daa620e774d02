import Foundation
import Testing

@testable import BookCompiler

/// `rlbook init NAME`: a new book that builds at once, and never over someone's files.
@Suite struct InitTests {
  @Test func aNewBookBuildsAtOnce() throws {
    let scratch = try TestBook()
    let folder = scratch.root.appendingPathComponent("my-first_book")
    let written = try BookScaffold.create(at: folder)
    #expect(written == ["book.toml", "chapters/01-first-steps.md", ".gitignore"])
    let gitignore = try String(
      contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8)
    #expect(gitignore == ".rlbook-cache/\n")

    let loaded = try BookLoader.loadBook(root: folder)
    #expect(loaded.errors.isEmpty)
    #expect(loaded.manifest.title == "My First Book")
    #expect(loaded.manifest.parts.count == 1)
    #expect(loaded.chapters.first?.cells.count == 1)

    let report = try buildBook(at: folder)
    #expect(report.succeeded, "\(report.errors)")
    #expect(report.wroteSite)
    let index = try String(
      contentsOf: folder.appendingPathComponent("site/index.html"), encoding: .utf8)
    #expect(index.contains("<h1>My First Book</h1>"))
    let page = try String(
      contentsOf: folder.appendingPathComponent("site/01-first-steps.html"), encoding: .utf8)
    #expect(page.contains("sum of gamma^k for k &lt; 200: 10.0"))
    #expect(page.contains("class=\"katex"))
    for word in rlBookWords { #expect(!index.contains(word)) }
  }

  @Test func itNeverWritesIntoAFolderThatHoldsFiles() throws {
    let scratch = try TestBook()
    let folder = scratch.root.appendingPathComponent("taken")
    try BookScaffold.create(at: folder)
    let before = try String(
      contentsOf: folder.appendingPathComponent("book.toml"), encoding: .utf8)
    #expect {
      try BookScaffold.create(at: folder, title: "Other")
    } throws: { "\($0)".contains("already exists and is not empty") }
    let after = try String(
      contentsOf: folder.appendingPathComponent("book.toml"), encoding: .utf8)
    #expect(before == after)
    // An empty folder is fine.
    let empty = scratch.root.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    #expect(try BookScaffold.create(at: empty).count == 3)
  }

  @Test func aTitleIsQuotedForTOML() throws {
    let text = BookScaffold.manifest(title: "Say \"hi\" \\ bye")
    #expect(try ManifestParser.parse(text).title == "Say \"hi\" \\ bye")
    #expect(BookScaffold.title(fromFolderName: "rl-notes_2") == "Rl Notes 2")
  }

  /// The command itself: `rlbook init NAME`, then `rlbook build --root NAME`.
  @Test func theCommandScaffoldsAndTheBookBuilds() throws {
    let scratch = try TestBook()
    let binary = try Prerequisites.rlbookBinary()
    let library = try Prerequisites.libraryPath()
    func rlbook(_ arguments: [String]) throws -> (status: Int32, output: String) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = arguments
      process.currentDirectoryURL = scratch.root
      var environment = ProcessInfo.processInfo.environment
      environment["RLBOOK_MODULE_CACHE"] = Prerequisites.moduleCache.path
      process.environment = environment
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardError = pipe
      try process.run()
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
    let created = try rlbook(["init", "notes"])
    #expect(created.status == 0, "\(created.output)")
    #expect(created.output.contains("Next steps"))
    let built = try rlbook(["build", "--root", "notes", "--library-path", library])
    #expect(built.status == 0, "\(built.output)")
    #expect(
      FileManager.default.fileExists(
        atPath: scratch.root.appendingPathComponent("notes/site/index.html").path))
    let again = try rlbook(["init", "notes"])
    #expect(again.status != 0)
    #expect(again.output.contains("not empty"))
  }
}
