import Foundation

/// The book compiler's pipeline, as named stages:
///
/// ```
/// load → plan → execute (with the cache) → record or compare → render → publish
/// ```
///
/// `build`, `test` and `test --check-determinism` share every stage; they differ only in the
/// `OutputSink` that receives each chapter's outputs (see `BuildOptions.Mode`). Problems are
/// collected for the whole book: one failing chapter does not stop the others, and the site
/// is replaced only when every chapter succeeded.
public struct Book: Sendable {
  /// What to do.
  public var options: BuildOptions
  /// Where status lines go (shown by the CLI only on a terminal).
  public var log: @Sendable (String) -> Void
  /// Where messages go that must always be seen, such as waiting for another build; by
  /// default, standard error.
  public var notice: @Sendable (String) -> Void

  /// Creates the pipeline.
  public init(
    options: BuildOptions, log: @escaping @Sendable (String) -> Void,
    notice: @escaping @Sendable (String) -> Void = { message in
      FileHandle.standardError.write(Data((message + "\n").utf8))
    }
  ) {
    self.options = options
    self.log = log
    self.notice = notice
  }

  /// Runs the pipeline.
  ///
  /// - Throws: `EnvironmentError` when a tool is missing, `BookErrors` when there is no book
  ///   to load; problems in chapters are reported in the returned `BuildReport` instead.
  public func run() throws -> BuildReport {
    let lock = try BuildLock(folder: options.cacheFolder, announce: notice)
    defer { withExtendedLifetime(lock) {} }
    // A killed build may have left a compiler running that still writes into its folder:
    // each build works in a folder of its own, and clears the ones before it (under the lock).
    try? FileManager.default.removeItem(at: workFolder.deletingLastPathComponent())
    var report = BuildReport()

    // Load.
    let loadStart = Date()
    let book = try BookLoader.loadBook(root: options.root)
    let chapters = book.chapters
    report.parseSeconds = Date().timeIntervalSince(loadStart)
    report.loadErrors = book.errors
    let forced = try selectedChapters(chapters)

    // Plan, execute, record or compare: each chapter on its own worker, longest first.
    let toolchain = try Toolchain.locate(
      root: options.root, libraryDirectory: options.libraryDirectory,
      memo: cache("toolchain.json"))
    let plan = PlanStage(toolchain: toolchain)
    let moduleCache = options.moduleCacheFolder ?? cache("module-cache")
    ModuleCacheLocation.prepare(moduleCache)
    let execute = ExecuteStage(
      root: options.root, toolchain: toolchain, workFolder: workFolder,
      moduleCache: moduleCache,
      cache: ExecutionCache(folder: cache("runs")), log: log,
      memoryLimit: book.manifest.memoryLimit)
    let sink = options.mode.sink(root: options.root)
    let render = RenderStage(
      chapters: chapters, apparatus: book.apparatus, cacheFile: cache("render-cache"))
    let timings = ChapterTimings(url: cache("timings.json"))
    let scheduler = ChapterScheduler(jobs: options.jobs, expectedSeconds: timings.load())
    report.chapters = scheduler.map(chapters) { chapter in
      let planned = plan.plan(chapter)
      let mayUseCache = sink.traits.usesCache && !options.force && !forced.contains(chapter.path)
      var outcome = execute.outcome(for: planned, mayUseCache: mayUseCache)
      outcome = sink.receive(outcome, of: chapter) { execute.run(planned, scratch: "rerun") }
      if sink.traits.usesCache, outcome.source == .ran, outcome.succeeded {
        execute.remember(&outcome, of: planned)
      }
      if sink.traits.publishesSite, outcome.source == .ran, outcome.succeeded {
        render.chapterFinished(chapter, outputs: outcome.outputs)
      }
      if outcome.succeeded {
        // The prose's {{name}} and @fig-NAME need the outputs, cached or fresh; the run stays
        // cached, since only the prose is wrong.
        let problems =
          ExportedValues.problems(chapter, outputs: outcome.outputs)
          + FigureNumbers.problems(chapter, outputs: outcome.outputs)
        for error in problems {
          outcome.fail(with: error)
        }
      }
      return outcome
    }
    timings.update(with: report.chapters)
    sink.finish(chapters: chapters)

    // Publish, when the sink wants a site and everything succeeded.
    guard sink.traits.publishesSite, report.errors.isEmpty else { return report }
    let renderStart = Date()
    defer { report.renderSeconds = Date().timeIntervalSince(renderStart) }
    let siteFolder = options.root.appendingPathComponent(book.manifest.siteFolder)
    let publish = PublishStage(
      siteFolder: siteFolder, stamp: SiteStamp(url: cache("site-stamp.json"), site: siteFolder),
      force: options.force)
    var outputs = [String: [CellOutput]]()
    for outcome in report.chapters { outputs[outcome.path] = outcome.outputs }
    do {
      let builder = SiteBuilder(manifest: book.manifest, articles: render.finalRenderer())
      switch try publish.publish(with: builder, chapters: chapters, outputs: outputs) {
      case .written: report.wroteSite = true
      case .alreadyCurrent: report.siteWasCurrent = true
      }
    } catch let errors as BookErrors {
      report.siteErrors += errors.errors
    }
    return report
  }

  /// A file or folder in the book's cache folder.
  private func cache(_ name: String) -> URL {
    options.cacheFolder.appendingPathComponent(name)
  }

  /// This build's scratch folder for programs, binaries and raw outputs.
  private var workFolder: URL {
    cache("work/build-\(Platform.processID)")
  }

  /// The chapters named on the command line, as paths; an unknown name is an error.
  private func selectedChapters(_ chapters: [Chapter]) throws(EnvironmentError) -> Set<String> {
    var paths = Set<String>()
    for name in options.only {
      let base = (name as NSString).lastPathComponent
      guard
        let match = chapters.first(where: {
          $0.path == name || $0.baseName == base || $0.baseName + ".md" == base
        })
      else { throw .unknownChapter(name: name) }
      paths.insert(match.path)
    }
    return paths
  }
}
