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
}
