/// The command line with which the book compiler starts a chapter program.
///
/// One type encodes it (in the compiler) and decodes it (in the program), so the order of
/// the arguments is written down in one place.
public struct HarnessArguments: Sendable, Equatable {
  /// Where the per-cell output files go.
  public var files: CellFiles
  /// The process id of the `rlbook` that started the program (0: none); when that process
  /// dies, the program stops at once.
  public var parentProcess: Int32

  /// Creates the arguments.
  public init(files: CellFiles, parentProcess: Int32) {
    self.files = files
    self.parentProcess = parentProcess
  }

  /// The arguments after the program's name, in the order `init(commandLine:)` reads them.
  public var commandLine: [String] {
    [files.folder, String(parentProcess)]
  }

  /// Reads the arguments from a command line that starts with the program's name; `nil`
  /// when it was not started by the book compiler (for example, by hand from a terminal).
  public init?(commandLine arguments: [String]) {
    guard arguments.count == 3, let parent = Int32(arguments[2]) else { return nil }
    self.init(files: CellFiles(folder: arguments[1]), parentProcess: parent)
  }
}
