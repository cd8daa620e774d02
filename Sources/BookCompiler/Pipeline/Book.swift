import Foundation

/// The book compiler's pipeline: parse every chapter, run each (or take it from the cache),
/// record or compare the outputs, render the site and swap it in.
///
/// ```
/// chapters/*.md → parse → plan → compile → run → record (or compare) → render → site/
/// ```
///
/// Problems are collected for the whole book; one failing chapter does not stop the others.
/// The site is replaced only when every chapter succeeded.
public struct Book: Sendable {
  /// What to do.
  public var options: BuildOptions
  /// Where status lines go.
  public var log: @Sendable (String) -> Void

  /// Creates the pipeline.
  public init(options: BuildOptions, log: @escaping @Sendable (String) -> Void) {
    self.options = options
    self.log = log
  }

  /// Runs the pipeline.
  ///
  /// - Throws: `EnvironmentError` when a tool is missing; problems in chapters are reported
  ///   in the returned `BuildReport` instead.
  public func run() throws -> BuildReport {
    let lock = try BuildLock(folder: options.cacheFolder, announce: log)
    defer { withExtendedLifetime(lock) {} }
    // A killed build may have left a compiler running that still writes into its folder:
    // each build works in a folder of its own, and clears the ones before it (under the lock).
    try? FileManager.default.removeItem(at: workFolder.deletingLastPathComponent())
    var report = BuildReport()
    let parseStart = Date()
    let (chapters, loadErrors) = try BookLoader.loadAll(root: options.root)
    report.parseSeconds = Date().timeIntervalSince(parseStart)
    report.errors += loadErrors
    let toolchain = try Toolchain.locate(
      root: options.root, libraryDirectory: options.libraryDirectory,
      memo: options.cacheFolder.appendingPathComponent("toolchain.json"))
    let selected = try selectedChapters(chapters)

    let early = EarlyRendering(
      chapters: chapters, cacheFile: options.cacheFolder.appendingPathComponent("render.json"))
    let timings = ChapterTimings(url: options.cacheFolder.appendingPathComponent("timings.json"))
    let scheduler = ChapterScheduler(jobs: options.jobs, expectedSeconds: timings.load())
    let results = scheduler.map(chapters) { chapter in
      let result = process(
        chapter, toolchain: toolchain, forced: options.force || selected.contains(chapter.path))
      if options.mode == .build, result.report.source == .ran {
        early.chapterFinished(chapter, outputs: result.outputs)
      }
      return result
    }
    var outputs = [String: [CellOutput]]()
    for (chapter, result) in zip(chapters, results) {
      report.errors += result.errors
      report.warnings += result.warnings
      report.mismatches += result.mismatches
      report.chapters.append(result.report)
      outputs[chapter.path] = result.outputs
    }
    timings.update(with: report.chapters)
    if options.mode == .build && report.errors.isEmpty && loadErrors.isEmpty {
      let renderStart = Date()
      defer { report.renderSeconds = Date().timeIntervalSince(renderStart) }
      do {
        let builder = early.finalBuilder()
        let stamp = SiteStamp(
          url: options.cacheFolder.appendingPathComponent("site-stamp.txt"),
          site: options.siteFolder)
        let key = builder.inputsKey(chapters: chapters, outputs: outputs)
        if !options.force, stamp.isCurrent(key: key) {
          report.siteWasCurrent = true
        } else {
          let files = try builder.build(chapters: chapters, outputs: outputs)
          stamp.clear()
          try SiteWriter.write(files, to: options.siteFolder)
          stamp.record(key: key, files: files)
          report.wroteSite = true
        }
      } catch let errors as BookErrors {
        report.errors += errors.errors
      }
    }
    return report
  }

  /// The chapters named on the command line, as paths; an unknown name is an error.
  private func selectedChapters(_ chapters: [Chapter]) throws -> Set<String> {
    var paths = Set<String>()
    for name in options.only {
      let base = (name as NSString).lastPathComponent
      guard
        let match = chapters.first(where: {
          $0.path == name || $0.baseName == base || $0.baseName + ".md" == base
        })
      else {
        throw EnvironmentError("no chapter is called '\(name)'")
      }
      paths.insert(match.path)
    }
    return paths
  }

  private struct ChapterResult: Sendable {
    var outputs: [CellOutput]
    var errors: [BookError] = []
    var warnings: [BookWarning] = []
    var mismatches: [String] = []
    var report: ChapterReport
  }

  /// One chapter through cache, run, and record or compare.
  private func process(_ chapter: Chapter, toolchain: Toolchain, forced: Bool) -> ChapterResult {
    let cache = ExecutionCache(folder: options.cacheFolder.appendingPathComponent("runs"))
    let key = ExecutionCache.key(for: chapter, toolchain: toolchain)
    let recordURL = options.root.appendingPathComponent(chapter.outputsPath)

    if options.mode == .build, !forced,
      let outputs = cache.lookup(key, cellCount: chapter.cells.count)
    {
      writeRecord(outputs, for: chapter, at: recordURL)
      log(status(chapter, "cached"))
      return ChapterResult(
        outputs: outputs,
        report: ChapterReport(path: chapter.path, source: .cached, compileSeconds: 0, runSeconds: 0)
      )
    }
    log(status(chapter, "compiling…"))
    let run = execute(chapter, toolchain: toolchain, scratch: "run")
    var result = ChapterResult(
      outputs: run.outputs, errors: run.errors, warnings: run.warnings,
      report: ChapterReport(
        path: chapter.path, source: run.errors.isEmpty ? .ran : .failed,
        compileSeconds: run.compileSeconds, runSeconds: run.runSeconds))
    if run.errors.isEmpty {
      switch options.mode {
      case .build:
        cache.store(run.outputs, key: key, chapterPath: chapter.path)
        writeRecord(run.outputs, for: chapter, at: recordURL)
      case .test:
        let recorded = (try? String(contentsOf: recordURL, encoding: .utf8)).flatMap(
          RecordedOutputs.parse)
        result.mismatches = OutputComparison.mismatches(
          chapter: chapter, recorded: recorded, actual: run.outputs)
        if options.checkDeterminism {
          let again = execute(chapter, toolchain: toolchain, scratch: "rerun")
          result.errors += again.errors
          result.mismatches += OutputComparison.mismatches(
            chapter: chapter, recorded: run.outputs, actual: again.outputs,
            labels: ("first run", "second run"),
            complaint: "output is not deterministic: it differs between two runs")
        }
      }
    }
    let seconds = String(format: "%.2f s", run.compileSeconds + run.runSeconds)
    log(status(chapter, run.errors.isEmpty ? "done in \(seconds)" : "FAILED after \(seconds)"))
    return result
  }

  /// This build's scratch folder for programs, binaries and raw outputs.
  private var workFolder: URL {
    options.cacheFolder.appendingPathComponent("work/build-\(getpid())")
  }

  private func execute(_ chapter: Chapter, toolchain: Toolchain, scratch: String) -> ChapterRun {
    var runner = ChapterRunner(
      root: options.root, toolchain: toolchain,
      workFolder: workFolder.appendingPathComponent("\(chapter.baseName)-\(scratch)"),
      moduleCache: options.moduleCacheFolder
        ?? options.cacheFolder.appendingPathComponent("module-cache"))
    runner.willRun = { [self] in log(status(chapter, "running…")) }
    do {
      return try runner.run(chapter)
    } catch {
      return ChapterRun(
        outputs: [], errors: [BookError(path: chapter.path, message: "\(error)")])
    }
  }

  /// Writes the record only when it changed, so an unchanged book leaves files untouched.
  private func writeRecord(_ outputs: [CellOutput], for chapter: Chapter, at url: URL) {
    let text = RecordedOutputs.serialize(outputs, chapterPath: chapter.path)
    if (try? String(contentsOf: url, encoding: .utf8)) != text {
      try? Data(text.utf8).write(to: url, options: .atomic)
    }
  }

  private func status(_ chapter: Chapter, _ state: String) -> String {
    "  \(chapter.baseName.padding(toLength: 32, withPad: " ", startingAt: 0)) \(state)"
  }
}
