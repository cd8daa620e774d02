#if canImport(Glibc)
  import Glibc
#endif

/// The code that runs inside a chapter program around its cells.
///
/// The program the book compiler generates calls `start()` once, `beginCell(_:)` before each
/// cell and `finish()` at the end. It needs only Glibc: a harness that imported Foundation
/// would cost every chapter's compile more than half a second.
///
/// At each of these points the harness checks the cell that just ran: that everything it
/// printed reached its files and that the backtracer wrote no crash report. If not, it
/// stops the program there, so the compiler names exactly that cell.
public enum ChapterHarness {
  /// Where the current run sends each cell's output; `nil` when the program was started by
  /// hand, so output stays on the terminal.
  nonisolated(unsafe) private static var files: CellFiles?
  /// The `rlbook` process to outlive, read by the watcher thread.
  nonisolated(unsafe) private static var parent: pid_t = 0
  /// The open `CellFiles.writeFailure` file (-1: none).
  nonisolated(unsafe) private static var failureFile: Int32 = -1
  /// The device and inode of the files that descriptors 1 and 2 were pointed at for the
  /// running cell: a stream error counts as lost output only while they still point there.
  nonisolated(unsafe) private static var streamFiles: [Int32: (dev_t, ino_t)] = [:]

  /// Whether this program runs under `rlbook build` or `test`, which read pictures and
  /// exported values out of the output; `false` in a terminal, where `display` and `export`
  /// print a readable line instead.
  nonisolated(unsafe) public private(set) static var isInBook = false

  /// Always `false`, but not known to be so at compile time: a `norun` cell sits inside
  /// `if ChapterHarness.never { … }`, so it is type-checked but never runs.
  public static var never: Bool { CommandLine.arguments.count > 1_000_000 }

  /// Reads the command line, starts watching for the compiler's death, makes standard output
  /// unbuffered and prepares the file that reports a failed write.
  public static func start() {
    guard let arguments = HarnessArguments(commandLine: CommandLine.arguments) else { return }
    isInBook = true
    var folder = arguments.files.folder
    // A cell may change the working directory: every path the harness uses is absolute.
    if !folder.hasPrefix("/"), let here = getcwd(nil, 0) {
      folder = String(cString: here) + "/" + folder
      free(here)
    }
    files = CellFiles(folder: folder)
    parent = arguments.parentProcess
    // If rlbook dies, even by SIGKILL, stop at once: never write into a later build's files.
    if parent > 0 {
      if getppid() != parent { _exit(137) }
      var watcher = pthread_t()
      _ = pthread_create(
        &watcher, nil,
        { _ in
          while getppid() == ChapterHarness.parent { usleep(50_000) }
          _ = kill(0, SIGKILL)
          return nil
        }, nil)
    }
    // Unbuffered: every print reaches the cell's file at once, so a trap, a signal or a kill
    // at the timeout loses nothing (not even a partial line), and prints interleave with
    // direct writes (`FileHandle`, `write(2)`) in the order they were made.
    setvbuf(stdout, nil, _IONBF, 0)
    let failure = CellFiles(folder: folder).writeFailure
    failureFile = moveAboveStandardStreams(
      open(failure, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644))
    let blank = [UInt8](repeating: 0x20, count: CellFiles.writeFailureCapacity)
    if failureFile < 0 || write(failureFile, blank, blank.count) != blank.count {
      stop("cannot prepare \(failure): \(String(cString: strerror(errno)))")
    }
  }

  /// Checks the cell that just ran, then points standard output and standard error at cell
  /// `index`'s own files, whatever the cells before did to descriptors 1 and 2 or to
  /// `stdout` and `stderr`.
  public static func beginCell(_ index: Int) {
    checkPreviousCell()
    guard let files else { return }
    for (descriptor, path) in [
      (Int32(1), files.standardOutput(ofCell: index)),
      (Int32(2), files.standardError(ofCell: index)),
    ] {
      let file = moveAboveStandardStreams(
        open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644))
      guard file >= 0, dup2(file, descriptor) == descriptor else {
        stop("cannot open \(path): \(String(cString: strerror(errno)))")
      }
      _ = close(file)
      streamFiles[descriptor] = identity(of: descriptor)
    }
    clearerr(stdout)
    clearerr(stderr)
  }

  /// Checks the last cell, flushes every stream and marks the run as complete.
  public static func finish() {
    checkPreviousCell()
    guard let files else { return }
    let marker = open(files.finishedMarker, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if marker < 0 { stop("cannot create \(files.finishedMarker)") }
    _ = close(marker)
  }

  /// Stops the program when the cell that just ran lost output or crashed.
  private static func checkPreviousCell() {
    fflush(nil)
    guard let files else { return }
    // A cell that closed or redirected a stream itself chose where that output goes.
    if ferror(stdout) != 0, isCellFile(1) { stop("writing the cell's standard output failed") }
    if ferror(stderr) != 0, isCellFile(2) { stop("writing the cell's standard error failed") }
    // A full disk also loses what `write(2)` callers wrote without checking the result.
    if isCellFile(1), diskIsFull(under: 1) {
      stop("the disk that holds the cell's output is full")
    }
    // The backtracer reported a crash and then let the program go on: the cell failed.
    if access(files.crashReport, F_OK) == 0 { _exit(70) }
  }

  /// Writes `message` over the start of the write-failure file and ends the program.
  private static func stop(_ message: String) -> Never {
    if failureFile >= 0 {
      let bytes = Array(message.utf8.prefix(CellFiles.writeFailureCapacity))
      _ = pwrite(failureFile, bytes, bytes.count, 0)
    }
    _exit(74)
  }

  /// The device and inode of the file open as `descriptor`, if it is open.
  private static func identity(of descriptor: Int32) -> (dev_t, ino_t)? {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    return (info.st_dev, info.st_ino)
  }

  /// Whether the file system that holds `descriptor` has no block left for this process.
  private static func diskIsFull(under descriptor: Int32) -> Bool {
    var info = statvfs()
    guard fstatvfs(descriptor, &info) == 0 else { return false }
    return (geteuid() == 0 ? info.f_bfree : info.f_bavail) == 0
  }

  /// Whether `descriptor` still points at the file the harness opened for it.
  private static func isCellFile(_ descriptor: Int32) -> Bool {
    guard let expected = streamFiles[descriptor], let now = identity(of: descriptor) else {
      return false
    }
    return expected == now
  }

  /// `descriptor` moved to a number above 2 and closed on exec (so that it never stands in for
  /// a standard stream that a cell closed), or -1 when it is -1 or cannot be moved.
  private static func moveAboveStandardStreams(_ descriptor: Int32) -> Int32 {
    guard descriptor >= 0, descriptor <= 2 else { return descriptor }
    let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, 3)
    _ = close(descriptor)
    return moved
  }
}
