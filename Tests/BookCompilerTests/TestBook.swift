import Foundation
import Testing

@testable import BookCompiler

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A new empty folder under the temporary directory, named `NAME-UUID`.
func scratchFolder(_ name: String) throws -> URL {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("\(name)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}

/// Something the tests need that is not there. Its message says how to get it; a test that
/// throws it FAILS (it never skips silently).
struct MissingPrerequisite: Error, CustomStringConvertible {
  var description: String
}

/// Where the tests find the release-built RL library and the `rlbook` binary.
enum Prerequisites {
  /// `$RLBOOK_LIBRARY_PATH` (set by `make test`), else `<package root>/.build/release`.
  static func libraryPath() throws -> String {
    let path =
      ProcessInfo.processInfo.environment["RLBOOK_LIBRARY_PATH"]
      ?? packageRoot.appendingPathComponent(".build/release").path
    guard FileManager.default.fileExists(atPath: "\(path)/Modules/RL.swiftmodule"),
      FileManager.default.fileExists(atPath: "\(path)/libRL.so")
    else {
      throw MissingPrerequisite(
        description:
          "the release RL library is not in \(path): run `swift build -c release --product RL`"
          + " first (make test does), or set RLBOOK_LIBRARY_PATH")
    }
    return path
  }

  /// The release-built `rlbook` executable (as `make tool` builds it), for tests that must
  /// kill or race whole builds.
  static func rlbookBinary() throws -> String {
    let path = packageRoot.appendingPathComponent(".build/release/rlbook").path
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw MissingPrerequisite(
        description:
          "\(path) is not built: run `swift build -c release --product rlbook` (make test does)")
    }
    return path
  }

  /// One clang module cache shared by every test book, so each book does not pay for
  /// building Foundation's modules again (the cache is safe to share between processes).
  static let moduleCache = packageRoot.appendingPathComponent(".build/rlbook-test-module-cache")
}

/// Collects a build's status lines from several threads.
final class LogLines: @unchecked Sendable {
  private let lock = NSLock()
  private var storage = [String]()
  func append(_ line: String) { lock.withLock { storage.append(line) } }
  var lines: [String] { lock.withLock { storage } }
}

/// A book in a fresh temporary folder: `chapters/` with the given files, and a `book.toml`
/// that lists them all in one part (kept up to date before each build, unless a test
/// writes its own). It is deleted when the value goes away.
final class TestBook: @unchecked Sendable {
  let root: URL
  /// Whether `book.toml` is rewritten to list every chapter file before each build.
  var listsEveryChapter = true
  /// Lines added under `[book]` in the `book.toml` written before each build, such as
  /// `bibliography = "references.toml"`.
  var bookSettings = ""

  /// Creates the book with `chapters` (file name → text) under `chapters/`.
  init(_ chapters: [String: String] = [:]) throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("rlbook-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
    for (name, text) in chapters { try write(name, text) }
    try listChapters()
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// Writes `<path>` under the root, such as `references.toml`.
  func writeFile(_ path: String, _ text: String) throws {
    try Data(text.utf8).write(to: root.appendingPathComponent(path))
  }

  /// Writes `chapters/<name>`.
  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: root.appendingPathComponent("chapters/\(name)"))
    try listChapters()
  }

  /// Writes a `book.toml` whose one part lists every `.md` file in `chapters/`, by number
  /// (unless `listsEveryChapter` is off).
  func listChapters() throws {
    guard listsEveryChapter else { return }
    let number = { (name: String) in Int(name.prefix { $0.isNumber }) ?? 0 }
    let folder = root.appendingPathComponent("chapters").path
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter(BookLoader.isChapterFile)
      .sorted { (number($0), $0) < (number($1), $1) }
    var text = "[book]\ntitle = \"Test book\"\n" + bookSettings
    if !names.isEmpty {
      text += "\n[[part]]\nname = \"Chapters\"\nchapters = ["
      text += names.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
    }
    try Data(text.utf8).write(to: root.appendingPathComponent("book.toml"))
  }

  /// The text of a file under the root, such as `chapters/01-a.out`.
  func read(_ path: String) -> String? {
    try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  /// The recorded outputs of `chapters/<base>.out`.
  func recorded(_ base: String) -> [CellOutput]? {
    read("chapters/\(base).out").flatMap(RecordedOutputs.parse)
  }

  /// Runs the pipeline in this process.
  @discardableResult
  func run(
    _ mode: BuildOptions.Mode = .build, force: Bool = false, checkDeterminism: Bool = false,
    log: LogLines = LogLines()
  ) throws -> BuildReport {
    try listChapters()
    var options = BuildOptions(root: root)
    options.mode = checkDeterminism ? .checkDeterminism : mode
    options.force = force
    options.libraryDirectory = try Prerequisites.libraryPath()
    options.moduleCacheFolder = Prerequisites.moduleCache
    return try Book(options: options, log: { log.append($0) }, notice: { log.append($0) }).run()
  }

  /// Runs the `rlbook` binary on this book and waits for it (at most `limit` seconds).
  func runTool(_ arguments: [String], limit: Double = 120) throws -> (status: Int32, stderr: String)
  {
    let process = try startTool(arguments)
    let started = Date()
    while process.isRunning {
      if Date().timeIntervalSince(started) > limit {
        process.terminate()
        throw MissingPrerequisite(description: "rlbook \(arguments) ran past \(limit) s")
      }
      usleep(20_000)
    }
    return (process.terminationStatus, read(".stderr-\(process.processIdentifier)") ?? "")
  }

  /// Starts the `rlbook` binary on this book, its standard error going to
  /// `.stderr-PID` under the root.
  func startTool(_ arguments: [String]) throws -> Process {
    try listChapters()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try Prerequisites.rlbookBinary())
    process.arguments =
      arguments + ["--root", root.path, "--library-path", try Prerequisites.libraryPath()]
    var environment = ProcessInfo.processInfo.environment
    environment["RLBOOK_MODULE_CACHE"] = Prerequisites.moduleCache.path
    process.environment = environment
    let log = root.appendingPathComponent(".stderr-tmp-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: log)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    try FileManager.default.moveItem(
      at: log, to: root.appendingPathComponent(".stderr-\(process.processIdentifier)"))
    return process
  }

  /// Every file under `site/`, by relative path (empty when there is no site).
  func siteFiles() -> [String: Data] {
    let site = root.appendingPathComponent("site")
    var files = [String: Data]()
    guard let walker = FileManager.default.enumerator(atPath: site.path) else { return files }
    while let path = walker.nextObject() as? String {
      let url = site.appendingPathComponent(path)
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
        !isFolder.boolValue
      {
        files[path] = FileManager.default.contents(atPath: url.path)
      }
    }
    return files
  }

  /// The HTML of a chapter page in `site/`.
  func page(_ base: String) -> String {
    read("site/\(base).html") ?? ""
  }
}

/// The text items of a cell's output, joined by newlines.
func printedText(_ output: CellOutput) -> String {
  output.items.compactMap {
    if case .text(let t) = $0 { return t }
    return nil
  }.joined(separator: "\n")
}

/// A chapter with a title and one Swift cell per element of `cells` (`(options, code)`),
/// each followed by a line of prose.
func chapter(_ title: String, _ cells: [(String, String)]) -> String {
  var text = "# \(title)\n\n"
  for (options, code) in cells {
    text += "```swift\(options.isEmpty ? "" : " " + options)\n\(code)\n```\n\nProse.\n\n"
  }
  return text
}

/// The 1-based line where each ```` ```swift ```` fence starts in `text`.
func fenceLines(_ text: String) -> [Int] {
  text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    .filter { $0.element.hasPrefix("```swift") }.map { $0.offset + 1 }
}

/// The 1-based line of the first line of `text` that contains `needle`.
func line(of needle: String, in text: String) -> Int? {
  text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
    $0.contains(needle)
  }.map { $0 + 1 }
}
