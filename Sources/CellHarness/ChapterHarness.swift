#if canImport(Glibc)
  import Glibc
#endif

/// The code that runs inside a chapter program around its cells.
///
/// The program the book compiler generates calls `start()` once, `beginCell(_:)` before each
/// cell and `finish()` at the end. It needs only Glibc: a harness that imported Foundation
/// would cost every chapter's compile more than half a second.
public enum ChapterHarness {
  /// Where the current run sends each cell's output; `nil` when the program was started by
  /// hand, so output stays on the terminal.
  nonisolated(unsafe) private static var files: CellFiles?
  /// The `rlbook` process to outlive, read by the watcher thread.
  nonisolated(unsafe) private static var parent: pid_t = 0

  /// Always `false`, but not known to be so at compile time: a `norun` cell sits inside
  /// `if ChapterHarness.never { … }`, so it is type-checked but never runs.
  public static var never: Bool { CommandLine.arguments.count > 1_000_000 }

  /// Reads the command line, starts watching for the compiler's death, makes standard output
  /// line-buffered and applies the output cap.
  public static func start() {
    guard let arguments = HarnessArguments(commandLine: CommandLine.arguments) else { return }
    files = arguments.files
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
    // Line-buffered, so what a cell printed before a trap is not lost in a buffer.
    setvbuf(stdout, nil, _IOLBF, 0)
    if arguments.outputCap > 0 {
      var limit = rlimit()
      limit.rlim_cur = rlim_t(arguments.outputCap)
      limit.rlim_max = rlim_t(arguments.outputCap)
      _ = setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit)
      _ = signal(SIGXFSZ, SIG_IGN)
    }
  }

  /// Points standard output and standard error at cell `index`'s own files.
  public static func beginCell(_ index: Int) {
    fflush(nil)
    guard let files else { return }
    for (descriptor, path) in [
      (Int32(1), files.standardOutput(ofCell: index)),
      (Int32(2), files.standardError(ofCell: index)),
    ] {
      let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      if file >= 0 {
        _ = dup2(file, descriptor)
        _ = close(file)
      }
    }
  }

  /// Flushes every stream and marks the run as complete.
  public static func finish() {
    fflush(nil)
    guard let files else { return }
    _ = open(files.finishedMarker, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  }
}
