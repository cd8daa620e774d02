/// The Swift program that runs a chapter: every runnable cell in order, as the top-level code
/// of one `main.swift`, so cells share state like notebook cells.
///
/// Before each cell the harness (`ChapterHarness`) points file descriptors 1 and 2 at that
/// cell's own files, so everything a cell prints is attributed to exactly that cell. `#sourceLocation` maps every
/// diagnostic and trap back to the Markdown line.
public struct ChapterProgram: Sendable {
  /// The chapter's path relative to the book root, as written in `#sourceLocation`.
  public var chapterPath: String
  /// The source of `main.swift`.
  public var source: String
  /// The cells that run, with their indices in the chapter.
  public var runnableCells: [Cell]

  /// Plans the program for `chapter`'s cells, leaving out `compile-fail` cells.
  public init(chapter: Chapter) {
    chapterPath = chapter.path
    runnableCells = chapter.cells.filter { !$0.options.compileFail }
    var text = Self.prologue
    for cell in runnableCells {
      text += "ChapterHarness.beginCell(\(cell.index))\n"
      text += Self.located(cell, in: chapter.path, skipped: cell.options.noRun)
    }
    text += "ChapterHarness.finish()\n"
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

  /// The cell's code between `#sourceLocation` directives.
  ///
  /// A `norun` cell is type-checked but never runs: its file-scope declarations (types,
  /// functions, extensions, protocols, operators, imports) stay at file scope, where later
  /// cells see them, and its statements and variables go inside a branch that is never taken.
  /// `mapsLines: false` leaves out the directives, for a program that readers edit.
  static func located(_ cell: Cell, in path: String, skipped: Bool, mapsLines: Bool = true)
    -> String
  {
    guard skipped else {
      return located(cell.code, line: cell.firstCodeLine, in: path, mapsLines: mapsLines)
    }
    var text = ""
    for piece in CellSyntax.noRunPieces(cell.code) {
      let code = located(
        piece.text, line: cell.firstCodeLine + piece.firstLine, in: path, mapsLines: mapsLines)
      text += piece.declaresAtFileScope ? code : "if ChapterHarness.never {\n" + code + "}\n"
    }
    return text
  }

  /// `code` between `#sourceLocation` directives that give its first line as `line` of `path`.
  private static func located(_ code: String, line: Int, in path: String, mapsLines: Bool = true)
    -> String
  {
    guard mapsLines else { return code.hasSuffix("\n") ? code : code + "\n" }
    let escapedPath = path.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
    let ended = code.hasSuffix("\n") ? code : code + "\n"
    return "#sourceLocation(file: \"\(escapedPath)\", line: \(line))\n" + ended
      + "#sourceLocation()\n"
  }

  /// The version of how `norun` cells are laid out in the program, in the cache key of
  /// chapters that have one (bump it when that changes, so cached runs are not reused).
  static let noRunLayout = "norun layout 2: declarations at file scope"

  /// The program's first lines: the imports (Glibc gives cells `exp`, `log` and `pow`
  /// without Foundation's cost), and the harness's start (see `ChapterHarness` in the
  /// `CellHarness` target, which is linked into the RL library).
  static let prologue = """
    import CellHarness
    import RL
    #if canImport(Glibc)
    import Glibc
    #endif

    ChapterHarness.start()

    """
}
