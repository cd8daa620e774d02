/// The Swift program that runs a chapter: every runnable cell in order, as the top-level code
/// of one `main.swift`, so cells share state like notebook cells.
///
/// Before each cell the harness points file descriptors 1 and 2 at that cell's own files, so
/// everything a cell prints is attributed to exactly that cell. `#sourceLocation` maps every
/// diagnostic and trap back to the Markdown line.
public struct ChapterProgram: Sendable {
  /// The chapter's path relative to the book root, as written in `#sourceLocation`.
  public var chapterPath: String
  /// The source of `main.swift`.
  public var source: String
  /// The cells that run, with their indices in the chapter.
  public var runnableCells: [Cell]

  /// The most bytes kept from one stream (stdout or stderr) of one cell: 4 MiB. Writes past
  /// it fail quietly in the cell, and the output is marked as truncated.
  public static let outputCap = 4 << 20

  /// Plans the program for `chapter`'s cells, leaving out `compile-fail` cells.
  public init(chapter: Chapter) {
    chapterPath = chapter.path
    runnableCells = chapter.cells.filter { !$0.options.compileFail }
    var text = Self.prologue
    for cell in runnableCells {
      text += "_rlbookBeginCell(\(cell.index))\n"
      text += Self.located(cell, in: chapter.path, skipped: cell.options.noRun)
    }
    text += "_rlbookFinish()\n"
    source = text
  }

  /// A program that only type-checks: the runnable cells before `cell`, then `cell` itself.
  /// A `compile-fail` cell must make this program fail to compile.
  public static func compileFailProbe(for cell: Cell, in chapter: Chapter) -> String {
    var text = prologue
    for earlier in chapter.cells where earlier.index < cell.index && !earlier.options.compileFail {
      text += located(earlier, in: chapter.path, skipped: false)
    }
    return text + located(cell, in: chapter.path, skipped: false)
  }

  /// The cell's code between `#sourceLocation` directives; a `norun` cell is wrapped in a
  /// branch that is never taken, so it is type-checked but never runs.
  static func located(_ cell: Cell, in path: String, skipped: Bool) -> String {
    let escapedPath = path.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
    var code = cell.code
    if !code.hasSuffix("\n") { code += "\n" }
    if skipped {
      return
        "if _rlbookNever {\n#sourceLocation(file: \"\(escapedPath)\", line: \(cell.firstCodeLine))\n"
        + code + "#sourceLocation()\n}\n"
    }
    return "#sourceLocation(file: \"\(escapedPath)\", line: \(cell.firstCodeLine))\n"
      + code + "#sourceLocation()\n"
  }

  /// The harness: imports, output redirection per cell, and the output cap.
  static let prologue = """
    import RL
    #if canImport(Glibc)
    import Glibc
    #endif

    // rlbook harness. Arguments: the folder for per-cell output files, the byte cap, and the
    // process id of the rlbook that started it. It needs only Glibc: importing Foundation
    // would cost every chapter's compile more than half a second (a cell may import it).
    let _rlbookFolder = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "."
    let _rlbookNever = CommandLine.arguments.count > 1_000_000
    let _rlbookParent = CommandLine.arguments.count > 3 ? pid_t(CommandLine.arguments[3]) ?? 0 : 0
    do {
      // If rlbook dies, even by SIGKILL, stop at once: never write into a later build's files.
      if _rlbookParent > 0 {
        if getppid() != _rlbookParent { _exit(137) }
        var watcher = pthread_t()
        _ = pthread_create(&watcher, nil, { _ in
          while getppid() == _rlbookParent { usleep(50_000) }
          _ = kill(0, SIGKILL)
          return nil
        }, nil)
      }
      // Line-buffered, so what a cell printed before a trap is not lost in a buffer.
      setvbuf(stdout, nil, _IOLBF, 0)
      var limit = rlimit()
      let cap = rlim_t(CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 0 : 0)
      if cap > 0 {
        limit.rlim_cur = cap
        limit.rlim_max = cap
        _ = setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit)
        _ = signal(SIGXFSZ, SIG_IGN)
      }
    }
    func _rlbookBeginCell(_ index: Int) {
      fflush(nil)
      for (descriptor, suffix) in [(Int32(1), "out"), (Int32(2), "err")] {
        let file = open("\\(_rlbookFolder)/cell-\\(index).\\(suffix)", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if file >= 0 {
          _ = dup2(file, descriptor)
          _ = close(file)
        }
      }
    }
    func _rlbookFinish() {
      fflush(nil)
      _ = open("\\(_rlbookFolder)/finished", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }

    """
}
