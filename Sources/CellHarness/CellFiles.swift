/// The files through which a chapter program hands each cell's output to the book compiler,
/// all inside one output folder.
///
/// Before each cell the harness points standard output and standard error at that cell's
/// own pair of files; when the last cell has run it creates the `finished` marker. The
/// compiler watches for these files to know which cell is running.
public struct CellFiles: Sendable, Equatable {
  /// The folder that holds every cell's files.
  public var folder: String

  /// The files inside `folder`.
  public init(folder: String) {
    self.folder = folder
  }

  /// The file that receives the standard output of cell `index` (0-based, in the chapter).
  public func standardOutput(ofCell index: Int) -> String {
    "\(folder)/cell-\(index).out"
  }

  /// The file that receives the standard error of cell `index`.
  public func standardError(ofCell index: Int) -> String {
    "\(folder)/cell-\(index).err"
  }

  /// The marker created once every cell has run: without it, the program stopped early.
  public var finishedMarker: String { "\(folder)/finished" }

  /// Where Swift's backtracer writes its crash report (`SWIFT_BACKTRACE=…,output-to=`). A
  /// report means a cell crashed, even when the program went on afterwards (a signal the
  /// backtracer caught and returned from): the harness then stops before the next cell.
  public var crashReport: String { "\(folder)/crash-report" }

  /// A file of `writeFailureCapacity` spaces that the harness creates before the first cell.
  /// When a cell's output cannot be written (a full disk, an I/O error), the harness writes
  /// what failed over its first bytes, which needs no new space on the disk, and stops.
  public var writeFailure: String { "\(folder)/write-failure" }

  /// The size of `writeFailure`, and so the longest message it can hold.
  public static let writeFailureCapacity = 256
}
