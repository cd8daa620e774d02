import Foundation

/// Follows a running chapter from outside: which cell is running (the newest cell whose
/// output file exists) and since when, so a cell that runs past its timeout can be stopped
/// and named.
struct CellWatch {
  let cells: [Cell]
  let folder: String
  private var position = -1
  private var startedAt = Date()

  init(cells: [Cell], folder: String) {
    self.cells = cells
    self.folder = folder
  }

  /// The cell that is running now, or that was running when the program stopped.
  var currentCell: Cell? { position >= 0 ? cells[position] : nil }

  /// Moves on to any cells that have started, then checks the running cell's time.
  mutating func verdict() -> ChildProcess.Verdict {
    while position + 1 < cells.count,
      FileManager.default.fileExists(atPath: "\(folder)/cell-\(cells[position + 1].index).out")
    {
      position += 1
      startedAt = Date()
    }
    // Before the first cell starts, the program is loading: allow it the default time.
    let limit = currentCell?.options.effectiveTimeout ?? CellOptions.defaultTimeout
    if Date().timeIntervalSince(startedAt) > limit {
      return .kill("timeout")
    }
    return .keepWaiting
  }
}
