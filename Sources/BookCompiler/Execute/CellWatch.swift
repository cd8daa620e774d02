import CellHarness
import Foundation

/// Follows a running chapter from outside: which cell is running (the newest cell whose
/// output file exists) and since when, so a cell that runs past its timeout can be stopped
/// and named; and how much its streams hold on disk and whether that disk is full, so a
/// chapter whose output cannot be kept is stopped at the cell that was writing.
struct CellWatch {
  let cells: [Cell]
  let files: CellFiles
  private var position = -1
  private var startedAt = Date()
  /// The bytes on disk of the streams of the cells before the running one.
  private var earlierBytes = 0
  /// Why the watch stopped the chapter, when it stopped it for its output.
  private(set) var outputProblem: String?

  init(cells: [Cell], files: CellFiles) {
    self.cells = cells
    self.files = files
  }

  /// The cell that is running now, or that was running when the program stopped.
  var currentCell: Cell? { position >= 0 ? cells[position] : nil }

  /// Moves on to any cells that have started, then checks the running cell's output and time.
  mutating func verdict() -> Subprocess.Verdict {
    while position + 1 < cells.count,
      FileManager.default.fileExists(
        atPath: files.standardOutput(ofCell: cells[position + 1].index))
    {
      if let cell = currentCell { earlierBytes += streamBytes(of: cell) }
      position += 1
      startedAt = Date()
    }
    if let problem = checkOutput() {
      outputProblem = problem
      return .kill(.outputStopped)
    }
    // Before the first cell starts, the program is loading: allow it the default time.
    let limit = currentCell?.options.effectiveTimeout ?? CellOptions.defaultTimeout
    if Date().timeIntervalSince(startedAt) > limit {
      return .kill(.cellTimeout)
    }
    return .keepWaiting
  }

  /// Why the output cannot be kept, or `nil`: a full disk loses writes, and streams past
  /// `OutputCap.bytesOnDiskPerChapter` would fill it.
  private func checkOutput() -> String? {
    if DiskSpace.isFull(at: files.folder) {
      return "the disk that holds rlbook's scratch folder (\(files.folder)) is full, so the"
        + " cell's output could not all be written"
    }
    let total = earlierBytes + (currentCell.map(streamBytes) ?? 0)
    if total > OutputCap.bytesOnDiskPerChapter {
      return "the chapter's output passed \(OutputCap.bytesOnDiskPerChapter >> 20) MiB"
        + " (`OutputCap.bytesOnDiskPerChapter`), so it was stopped before it filled the disk"
    }
    return nil
  }

  /// The bytes that `cell`'s two stream files hold.
  private func streamBytes(of cell: Cell) -> Int {
    [files.standardOutput(ofCell: cell.index), files.standardError(ofCell: cell.index)]
      .reduce(0) { $0 + (FileStamp.regularFileSize($1) ?? 0) }
  }
}
