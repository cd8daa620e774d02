import CellHarness
import Foundation

/// Follows a running chapter from outside: which cell is running (the newest cell whose
/// output file exists) and since when, so a cell that runs past its timeout can be stopped
/// and named.
struct CellWatch {
  let cells: [Cell]
  let files: CellFiles
  private var position = -1
  private var startedAt = Date()

  init(cells: [Cell], files: CellFiles) {
    self.cells = cells
    self.files = files
  }

  /// The cell that is running now, or that was running when the program stopped.
  var currentCell: Cell? { position >= 0 ? cells[position] : nil }

  /// Moves on to any cells that have started, then checks the running cell's time.
  mutating func verdict() -> Subprocess.Verdict {
    while position + 1 < cells.count,
      FileManager.default.fileExists(
        atPath: files.standardOutput(ofCell: cells[position + 1].index))
    {
      position += 1
      startedAt = Date()
    }
    // Before the first cell starts, the program is loading: allow it the default time.
    let limit = currentCell?.options.effectiveTimeout ?? CellOptions.defaultTimeout
    if Date().timeIntervalSince(startedAt) > limit {
      return .kill(.cellTimeout)
    }
    return .keepWaiting
  }
}
