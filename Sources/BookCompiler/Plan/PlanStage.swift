import Foundation

/// A chapter ready to execute: its program, and the key under which its outputs are cached.
public struct PlannedChapter: Sendable {
  /// The chapter.
  public var chapter: Chapter
  /// The Swift program that runs its cells.
  public var program: ChapterProgram
  /// The cache key: the cells' code and the options that change execution, the RL library's
  /// build identity and the toolchain's version. Prose is not part of it, nor are the cells'
  /// lines, unless a cell uses `#line`.
  public var cacheKey: String
}

/// The plan stage: turns a chapter into the program that runs it, and its cache key.
struct PlanStage: Sendable {
  /// The compiler and library the program is built with (part of the key).
  var toolchain: Toolchain

  /// The version of what turns a run's raw output into `CellOutput` (the decoder and the
  /// SVG sanitiser): bump it when that changes, so cached outputs are decoded again.
  static let outputFormat = "rlbook-cache 3"

  /// Plans `chapter`.
  func plan(_ chapter: Chapter) -> PlannedChapter {
    let program = ChapterProgram(chapter: chapter)
    var parts = [
      Self.outputFormat, toolchain.version, toolchain.libraryIdentity, chapter.path,
      StableHasher.digest(ChapterProgram.prologue),
    ]
    if chapter.cells.contains(where: \.options.noRun) { parts.append(ChapterProgram.noRunLayout) }
    // `#line` gives a value that moves with the prose above it (as a default argument, at
    // every call site), so a chapter that uses it is keyed by where each cell sits.
    let keyedByLine = chapter.cells.contains { CellSyntax.usesLineLiteral($0.code) }
    for cell in chapter.cells {
      parts.append("cell \(cell.index) \(cell.options.executionKey)")
      if keyedByLine { parts.append("at line \(cell.firstCodeLine)") }
      parts.append(cell.code)
    }
    return PlannedChapter(
      chapter: chapter, program: program, cacheKey: parts.joined(separator: "\n\u{1F}"))
  }
}
