import Foundation

/// What running one chapter produced.
public struct ChapterRun: Sendable {
  /// Each cell's output, indexed like `chapter.cells`; empty for cells that never ran.
  public var outputs: [CellOutput]
  /// Problems found: compile errors, traps, timeouts. Empty when the chapter ran cleanly.
  public var errors: [BookError]
  /// Things the author should know that do not fail the build, such as refused pictures.
  public var warnings: [BookWarning] = []
  /// Seconds spent compiling and running.
  public var compileSeconds = 0.0
  public var runSeconds = 0.0
}

/// Compiles a chapter's program with swiftc, runs it in its own session, and collects
/// each cell's output from its files.
struct ChapterRunner {
  var root: URL
  var toolchain: Toolchain
  /// A scratch folder for this chapter's program, binary and output files.
  var workFolder: URL
  var moduleCache: URL

  /// Called once the program is compiled, just before it starts running.
  var willRun: @Sendable () -> Void = {}

  func run(_ chapter: Chapter) throws -> ChapterRun {
    let fm = FileManager.default
    try? fm.removeItem(at: workFolder)
    try fm.createDirectory(at: workFolder, withIntermediateDirectories: true)
    var result = ChapterRun(
      outputs: Array(repeating: CellOutput(), count: chapter.cells.count), errors: [])

    let program = ChapterProgram(chapter: chapter)
    let source = workFolder.appendingPathComponent("main.swift")
    let binary = workFolder.appendingPathComponent("chapter")
    try program.source.write(to: source, atomically: false, encoding: .utf8)
    let compileStart = Date()
    let compile = try swiftc(
      toolchain.compileArguments(
        source: source.path, output: binary.path, moduleCache: moduleCache.path),
      log: "compile")
    for cell in chapter.cells where cell.options.compileFail {
      switch try checkCompileFail(cell, in: chapter) {
      case .success(let diagnostic): result.outputs[cell.index].diagnostic = diagnostic
      case .failure(let error): result.errors.append(error)
      }
    }
    result.compileSeconds = Date().timeIntervalSince(compileStart)
    guard compile.status == .exited(0) else {
      var errors = CompilerDiagnostics.errors(
        in: compile.log, chapterPath: chapter.path, source: chapter.source)
      if errors.isEmpty {
        errors = [
          BookError(
            path: chapter.path, message: "swiftc failed to build the chapter",
            detail: String(compile.log.suffix(4000)))
        ]
      }
      result.errors += errors
      return result
    }

    willRun()
    let runStart = Date()
    let outputFolder = workFolder.appendingPathComponent("cells")
    try fm.createDirectory(at: outputFolder, withIntermediateDirectories: true)
    var watch = CellWatch(cells: program.runnableCells, folder: outputFolder.path)
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] =
      "enable=yes,interactive=no,color=no,format=text,threads=crashed,registers=none,"
      + "images=none,sanitize=yes,limit=24,output-to=stderr"
    let process = ChildProcess(
      executable: binary.path,
      arguments: [outputFolder.path, String(ChapterProgram.outputCap), String(getpid())],
      workingDirectory: root.path, environment: environment,
      stdoutPath: workFolder.appendingPathComponent("run.out").path,
      stderrPath: workFolder.appendingPathComponent("run.err").path)
    let termination = try process.run { watch.verdict() }
    _ = watch.verdict()  // catch up with cells that started after the last poll
    result.runSeconds = Date().timeIntervalSince(runStart)

    for cell in program.runnableCells {
      let base = outputFolder.appendingPathComponent("cell-\(cell.index)").path
      let (stdout, stdoutCut) = OutputDecoder.read(base + ".out")
      let (stderr, stderrCut) = OutputDecoder.read(base + ".err")
      var refused = [SVGRejection]()
      result.outputs[cell.index].items = OutputDecoder.items(
        fromStdout: stdout, truncated: stdoutCut, warn: { refused.append($0) })
      result.warnings += refused.map {
        .pictureNotShown(path: chapter.path, line: cell.fenceLine, reason: "\($0)")
      }
      result.outputs[cell.index].stderr = OutputDecoder.text(
        fromStderr: stderr, truncated: stderrCut)
    }
    let finished = fm.fileExists(atPath: outputFolder.appendingPathComponent("finished").path)
    if termination != .exited(0) || !finished {
      let cell = watch.currentCell ?? program.runnableCells.last
      result.errors.append(
        RunFailure(
          chapter: chapter, cell: cell, termination: termination,
          output: cell.map { result.outputs[$0.index] }
        ).error)
    }
    return result
  }

  /// Type-checks a `compile-fail` cell after the cells before it; it must fail.
  private func checkCompileFail(_ cell: Cell, in chapter: Chapter) throws -> Result<
    String, BookError
  > {
    let probe = workFolder.appendingPathComponent("compile-fail-\(cell.index).swift")
    try ChapterProgram.compileFailProbe(for: cell, in: chapter)
      .write(to: probe, atomically: false, encoding: .utf8)
    var arguments = toolchain.compileArguments(
      source: probe.path, output: "/dev/null", moduleCache: moduleCache.path)
    arguments.removeLast(2)
    let check = try swiftc(["-typecheck"] + arguments, log: "compile-fail-\(cell.index)")
    let lines =
      cell
      .firstCodeLine...(cell.firstCodeLine
      + max(0, cell.code.split(separator: "\n", omittingEmptySubsequences: false).count - 1))
    if check.status == .exited(0) {
      return .failure(
        BookError(
          path: chapter.path, line: cell.fenceLine,
          message: "this cell is marked compile-fail, but it compiles"))
    }
    let diagnostic = CompilerDiagnostics.cellDiagnostic(
      check.log, chapterPath: chapter.path, lines: lines)
    if diagnostic.isEmpty {
      return .failure(
        BookError(
          path: chapter.path, line: cell.fenceLine,
          message: "this compile-fail cell failed for a reason outside the cell",
          detail: String(check.log.suffix(4000))))
    }
    return .success(diagnostic)
  }

  private func swiftc(_ arguments: [String], log name: String) throws -> (
    status: Termination, log: String
  ) {
    let out = workFolder.appendingPathComponent("\(name).out").path
    let err = workFolder.appendingPathComponent("\(name).err").path
    let started = Date()
    let status = try ChildProcess(
      executable: toolchain.swiftc, arguments: arguments, workingDirectory: root.path,
      stdoutPath: out, stderrPath: err
    ).run {
      Date().timeIntervalSince(started) > 600
        ? .kill("swiftc ran for more than 10 minutes") : .keepWaiting
    }
    let text = [out, err].compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.joined()
    return (status, text)
  }
}
