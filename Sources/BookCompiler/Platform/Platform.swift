import CSystem
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The few calls into the C library that the compiler makes outside `Subprocess`,
/// `ChildRegistry`, `FileLock` and `FileStamp`, the other files of this folder. Nothing else
/// in the compiler calls libc directly.
enum Platform {
  /// This process's id.
  static var processID: Int32 { getpid() }

  /// Whether standard error is a terminal (so status lines may be shown).
  static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

  /// Swaps two paths in one atomic step (Linux's `renameat2` with `RENAME_EXCHANGE`), so a
  /// reader sees either the old or the new one, never neither.
  static func exchange(_ first: String, _ second: String) throws(EnvironmentError) {
    guard rlbook_exchange_paths(first, second) == 0 else {
      throw .cannotWriteSite(path: second, reason: String(cString: strerror(errno)))
    }
  }

  /// Stops `signals` from killing this process, so a handler of its own can take them.
  static func ignore(_ signals: [Int32]) {
    for number in signals { signal(number, SIG_IGN) }
  }

  /// The signals that ask rlbook to stop: SIGINT (Ctrl-C) and SIGTERM.
  static let interruptSignals = [SIGINT, SIGTERM]

  /// The first executable called one of `names` in the folders of `PATH` (then in
  /// `fallbackFolders`), or `nil`.
  static func executable(
    named names: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
    fallbackFolders: [String] = []
  ) -> String? {
    let folders =
      (environment["PATH"] ?? "").split(separator: ":").map(String.init) + fallbackFolders
    for folder in folders where !folder.isEmpty {
      for name in names {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }
}
