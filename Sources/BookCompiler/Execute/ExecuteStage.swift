import Foundation

/// The execute stage: a planned chapter's outputs, from the cache or by compiling and
/// running its program.
struct ExecuteStage: Sendable {
  /// The book's root; programs run there.
  var root: URL
  /// swiftc and the RL library.
  var toolchain: Toolchain
  /// This build's scratch folder (programs, binaries, raw outputs).
  var workFolder: URL
  /// Where clang keeps the modules that chapter programs import.
  var moduleCache: URL
  /// Outputs remembered from earlier builds.
  var cache: ExecutionCache
  /// Where status lines go.
  var log: @Sendable (String) -> Void
  /// The memory limit of each chapter's program, in bytes.
  var memoryLimit = BookManifest.defaultMemoryLimit

  /// The chapter's outputs: from the cache when `mayUseCache` and an entry exists,
  /// otherwise compiled and run.
  func outcome(for planned: PlannedChapter, mayUseCache: Bool) -> ChapterOutcome {
    let chapter = planned.chapter
    if mayUseCache, let outputs = cache.lookup(planned.cacheKey, cellCount: chapter.cells.count) {
      log(Self.status(chapter, "cached"))
      return ChapterOutcome(path: chapter.path, source: .cached, outputs: outputs)
    }
    log(Self.status(chapter, "compiling…"))
    let outcome = run(planned, scratch: "run")
    let seconds = String(format: "%.2f s", outcome.compileSeconds + outcome.runSeconds)
    log(
      Self.status(
        chapter, outcome.errors.isEmpty ? "done in \(seconds)" : "FAILED after \(seconds)"))
    return outcome
  }

  /// Compiles and runs the chapter, in a scratch folder of its own named by `scratch`.
  func run(_ planned: PlannedChapter, scratch: String) -> ChapterOutcome {
    let chapter = planned.chapter
    // A chapter of prose only has nothing to compile or run.
    if chapter.cells.isEmpty {
      return ChapterOutcome(path: chapter.path, source: .ran, outputs: [])
    }
    var runner = ChapterRunner(
      root: root, toolchain: toolchain,
      workFolder: workFolder.appendingPathComponent("\(chapter.baseName)-\(scratch)"),
      moduleCache: moduleCache, memoryLimit: memoryLimit)
    runner.willRun = { [log] in log(Self.status(chapter, "running…")) }
    do {
      return try runner.run(planned)
    } catch {
      return ChapterOutcome(
        path: chapter.path, source: .failed, outputs: [],
        errors: [BookError(stage: .run, path: chapter.path, message: "\(error)")])
    }
  }

  /// Remembers a successful run's outputs under its key; a cache that cannot be written
  /// fails the chapter, so that no build silently loses its record of what ran.
  func remember(_ outcome: inout ChapterOutcome, of planned: PlannedChapter) {
    do {
      try cache.store(outcome.outputs, key: planned.cacheKey, chapterPath: planned.chapter.path)
    } catch {
      outcome.fail(
        with: BookError(
          stage: .record, path: planned.chapter.path,
          message: "cannot store the outputs in the cache: \(error.localizedDescription)"))
    }
  }

  /// A status line: the chapter's name, then its state.
  static func status(_ chapter: Chapter, _ state: String) -> String {
    "  \(chapter.baseName.padding(toLength: 32, withPad: " ", startingAt: 0)) \(state)"
  }
}
