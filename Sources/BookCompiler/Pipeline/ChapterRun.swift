import Foundation

/// `rlbook run`: one chapter (or a downloaded chapter program) compiled and run in the
/// terminal, each cell's output printed as it comes, like running a notebook from top to
/// bottom. Nothing is recorded, cached or published.
public struct ChapterRun: Sendable {
  /// The book's root.
  public var root: URL
  /// The release-built RL library (default `ROOT/.build/release`).
  public var libraryDirectory: String?
  /// The clang module cache (default in the book's cache folder).
  public var moduleCacheFolder: URL?

  /// Prepares a run in the book at `root`.
  public init(root: URL, libraryDirectory: String? = nil, moduleCacheFolder: URL? = nil) {
    self.root = root
    self.libraryDirectory = libraryDirectory
    self.moduleCacheFolder = moduleCacheFolder
  }

  /// Compiles `target` (a chapter, by path or file name, or a `.swift` file) and runs it,
  /// passing its standard output and error to `output` and `errors` as they grow. Returns the
  /// program's exit status (128 + the signal when a signal ended it).
  ///
  /// - Throws: `BookErrors` when the chapter does not load or compile (at its Markdown
  ///   lines), `EnvironmentError` when the toolchain or library is missing.
  public func run(
    _ target: String, output: @escaping (Data) -> Void, errors: @escaping (Data) -> Void
  ) throws -> Int32 {
    let manifest = try ManifestParser.load(root: root)
    let (source, chapterPath, chapterText) = try program(for: target, manifest: manifest)
    let cache = root.appendingPathComponent(".rlbook-cache")
    let folder = cache.appendingPathComponent("terminal/run-\(Platform.processID)")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let toolchain = try Toolchain.locate(
      root: root, libraryDirectory: libraryDirectory,
      memo: cache.appendingPathComponent("toolchain.json"))
    let moduleCache = moduleCacheFolder ?? cache.appendingPathComponent("module-cache")
    ModuleCacheLocation.prepare(moduleCache)
    let sourceFile = folder.appendingPathComponent("main.swift")
    let binary = folder.appendingPathComponent("chapter")
    try source.write(to: sourceFile, atomically: false, encoding: .utf8)
    let log = folder.appendingPathComponent("swiftc.log").path
    let compiled = try Subprocess(
      executable: toolchain.swiftc,
      arguments: toolchain.compileArguments(
        source: sourceFile.path, output: binary.path, moduleCache: moduleCache.path),
      workingDirectory: root.path, standardOutput: log, standardError: log
    ).run()
    guard compiled == .exited(0) else {
      let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      var found = CompilerDiagnostics.errors(
        in: text, chapterPath: chapterPath, source: chapterText)
      if found.isEmpty {
        found = [
          BookError(
            stage: .compile, path: chapterPath, message: "swiftc failed to build the program",
            detail: String(text.suffix(4000)))
        ]
      }
      throw BookErrors(found)
    }
    let streams = [
      (folder.appendingPathComponent("stdout").path, output),
      (folder.appendingPathComponent("stderr").path, errors),
    ]
    var followers = streams.map { StreamFollower(path: $0.0, deliver: $0.1) }
    let ended = try Subprocess(
      executable: binary.path, arguments: [], workingDirectory: root.path,
      environment: ProcessInfo.processInfo.environment.merging(
        ["SWIFT_BACKTRACE": "enable=yes,interactive=no,color=no"]) { _, new in new },
      standardOutput: streams[0].0, standardError: streams[1].0,
      memoryLimit: manifest.memoryLimit
    ).run {
      for index in followers.indices { followers[index].pump() }
      return .keepWaiting
    }
    for index in followers.indices { followers[index].pump() }
    switch ended {
    case .exited(let status): return status
    case .signaled(let signal): return 128 + signal
    case .killed: return 137
    }
  }

  /// The program for `target`, the path its diagnostics name, and that file's text.
  private func program(for target: String, manifest: BookManifest) throws -> (
    String, String, String?
  ) {
    if target.hasSuffix(".swift") {
      // A program file is named as the shell sees it: relative to the current folder.
      let url = URL(fileURLWithPath: target)
      guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        throw EnvironmentError.unreadable(path: target)
      }
      return (text, target, nil)
    }
    let book = try BookLoader.loadBook(root: root)
    let base = (target as NSString).lastPathComponent
    guard
      let chapter = book.chapters.first(where: {
        $0.path == target || $0.baseName == base || $0.baseName + ".md" == base
      })
    else {
      if let error = book.errors.first(where: { $0.path.hasSuffix(base) }) {
        throw BookErrors([error])
      }
      throw EnvironmentError.unknownChapter(name: target)
    }
    let source = ChapterScript.source(of: chapter, bookTitle: manifest.title, mapsLines: true)
    return (source, chapter.path, chapter.source)
  }
}

/// Follows a file that a running program writes, handing on what was added since last time.
private struct StreamFollower {
  let path: String
  let deliver: (Data) -> Void
  private var handle: FileHandle?

  init(path: String, deliver: @escaping (Data) -> Void) {
    self.path = path
    self.deliver = deliver
  }

  mutating func pump() {
    if handle == nil { handle = FileHandle(forReadingAtPath: path) }
    guard let handle, let data = try? handle.readToEnd(), !data.isEmpty else { return }
    deliver(data)
  }
}
