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
    // The backtracer's report goes to a file of its own: a crash is then known for certain,
    // even when the program goes on after it, and the report is never recorded as output.
    environment["SWIFT_BACKTRACE"] =
      "enable=yes,interactive=no,color=no,format=text,threads=crashed,registers=none,"
      + "images=none,sanitize=yes,limit=24,output-to=\(files.crashReport)"
    let process = Subprocess(
      executable: binary.path,
      // No parent to watch: the supervisor between rlbook and the program ends it.
      arguments: HarnessArguments(files: files, parentProcess: 0).commandLine,
      workingDirectory: root.path, environment: environment,
      standardOutput: workFolder.appendingPathComponent("run.out").path,
      standardError: workFolder.appendingPathComponent("run.err").path,
      memoryLimit: memoryLimit)
    let ending = try process.runMeasured { watch.verdict() }
    var termination = ending.termination
    // Catch up with cells that started after the last poll, and with a disk that filled up
    // just before the program ended.
    if case .kill(.outputStopped) = watch.verdict(), case .exited = termination {
      termination = .killed(.outputStopped)
    }
    result.runSeconds = Date().timeIntervalSince(runStart)

    CellStreams(chapter: chapter, files: files).collect(program.runnableCells, into: &result)
    let finished = fm.fileExists(atPath: files.finishedMarker)
    let crashReport = Self.text(of: files.crashReport)
    let writeFailure = Self.text(of: files.writeFailure)?
      .trimmingCharacters(in: .whitespacesAndNewlines)
    if termination != .exited(0) || !finished || crashReport != nil
      || !(writeFailure ?? "").isEmpty
    {
      result.source = .failed
      let cell = watch.currentCell ?? program.runnableCells.last
      var failure = RunFailure(
        chapter: chapter, cell: cell, termination: termination,
        output: cell.map { result.outputs[$0.index] })
      failure.crashReport = crashReport
      failure.writeFailure = writeFailure.flatMap { $0.isEmpty ? nil : $0 }
      failure.outputProblem = watch.outputProblem
      var error = failure.error
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

  /// The first 64 KiB of a file the program may have written, or `nil` when there is none.
  private static func text(of path: String) -> String? {
    guard let (data, _) = try? OutputDecoder.read(path, limit: 64 << 10),
      FileManager.default.fileExists(atPath: path)
    else { return nil }
    return String(decoding: data, as: UTF8.self)
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
