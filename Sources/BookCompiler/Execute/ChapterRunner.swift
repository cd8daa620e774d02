import CellHarness
import Foundation

/// Compiles a chapter's program with swiftc, runs it in its own session, and collects
/// each cell's output from its files.
struct ChapterRunner {
  var root: URL
  var toolchain: Toolchain
  /// A scratch folder for this chapter's program, binary and output files.
  var workFolder: URL
  var moduleCache: URL
  /// The most writable private memory the chapter's program may hold, in bytes.
  var memoryLimit = BookManifest.defaultMemoryLimit

  /// Called once the program is compiled, just before it starts running.
  var willRun: @Sendable () -> Void = {}

  func run(_ planned: PlannedChapter) throws -> ChapterOutcome {
    let chapter = planned.chapter
    let program = planned.program
    let fm = FileManager.default
    try? fm.removeItem(at: workFolder)
    try fm.createDirectory(at: workFolder, withIntermediateDirectories: true)
    var result = ChapterOutcome(
      path: chapter.path, source: .ran,
      outputs: Array(repeating: CellOutput(), count: chapter.cells.count))

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
      case .failure(let error): result.fail(with: error)
      }
    }
    result.compileSeconds = Date().timeIntervalSince(compileStart)
    guard compile.status == .exited(0) else {
      var errors = CompilerDiagnostics.errors(
        in: compile.log, chapterPath: chapter.path, source: chapter.source)
      if errors.isEmpty {
        errors = [
          BookError(
            stage: .compile, path: chapter.path, message: "swiftc failed to build the chapter",
            detail: String(compile.log.suffix(4000)))
        ]
      }
      result.errors += errors
      result.source = .failed
      return result
    }

    willRun()
    let runStart = Date()
    let outputFolder = workFolder.appendingPathComponent("cells")
    try fm.createDirectory(at: outputFolder, withIntermediateDirectories: true)
    let files = CellFiles(folder: outputFolder.path)
    var watch = CellWatch(cells: program.runnableCells, files: files)
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] =
      "enable=yes,interactive=no,color=no,format=text,threads=crashed,registers=none,"
      + "images=none,sanitize=yes,limit=24,output-to=stderr"
    let process = Subprocess(
      executable: binary.path,
      // No parent to watch: the supervisor between rlbook and the program ends it.
      arguments: HarnessArguments(files: files, parentProcess: 0).commandLine,
      workingDirectory: root.path, environment: environment,
      standardOutput: workFolder.appendingPathComponent("run.out").path,
      standardError: workFolder.appendingPathComponent("run.err").path,
      memoryLimit: memoryLimit)
    let ending = try process.runMeasured { watch.verdict() }
    let termination = ending.termination
    _ = watch.verdict()  // catch up with cells that started after the last poll
    result.runSeconds = Date().timeIntervalSince(runStart)

    for cell in program.runnableCells {
      let (stdout, stdoutCut) = OutputDecoder.read(files.standardOutput(ofCell: cell.index))
      let (stderr, stderrCut) = OutputDecoder.read(files.standardError(ofCell: cell.index))
      var refused = [SVGRejection]()
      result.outputs[cell.index].items = OutputDecoder.items(
        fromStdout: stdout, truncated: stdoutCut, warn: { refused.append($0) })
      result.warnings += refused.map {
        BookError(
          stage: .run, severity: .warning, path: chapter.path, line: cell.fenceLine,
          message: "the picture from this cell was not shown: \($0)")
      }
      result.outputs[cell.index].stderr = OutputDecoder.text(
        fromStderr: stderr, truncated: stderrCut)
    }
    let finished = fm.fileExists(atPath: files.finishedMarker)
    if termination != .exited(0) || !finished {
      result.source = .failed
      let cell = watch.currentCell ?? program.runnableCells.last
      var error = RunFailure(
        chapter: chapter, cell: cell, termination: termination,
        output: cell.map { result.outputs[$0.index] }
      ).error
      let exhaustion = MemoryExhaustion(
        limit: memoryLimit, peak: ending.peakMemory, termination: termination,
        standardError: (cell.map { result.outputs[$0.index].stderr } ?? "")
          + ((try? String(
            contentsOf: workFolder.appendingPathComponent("run.err"), encoding: .utf8)) ?? ""))
      if exhaustion.ranOut {
        error.message = MemoryExhaustion.message(cell: cell, limit: memoryLimit)
      }
      result.errors.append(error)
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
          stage: .compile, path: chapter.path, line: cell.fenceLine,
          message: "this cell is marked compile-fail, but it compiles"))
    }
    let diagnostic = CompilerDiagnostics.cellDiagnostic(
      check.log, chapterPath: chapter.path, lines: lines)
    if diagnostic.isEmpty {
      return .failure(
        BookError(
          stage: .compile, path: chapter.path, line: cell.fenceLine,
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
    let status = try Subprocess(
      executable: toolchain.swiftc, arguments: arguments, workingDirectory: root.path,
      standardOutput: out, standardError: err
    ).run {
      Date().timeIntervalSince(started) > Subprocess.compilerTimeLimit
        ? .kill(.compilerTimeout) : .keepWaiting
    }
    let text = [out, err].compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.joined()
    return (status, text)
  }
}
