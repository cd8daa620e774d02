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

  /// Whether `path` is a mount point: a folder on another file system than its parent (a
  /// container's volume, a tmpfs), which cannot be renamed.
  static func isMountPoint(_ path: String) -> Bool {
    var own = stat()
    var parent = stat()
    guard stat(path, &own) == 0, stat(path + "/..", &parent) == 0 else { return false }
    return own.st_dev != parent.st_dev
  }

  /// The system's explanation of an error number, such as "Read-only file system".
  static func describe(errorNumber: Int32) -> String { String(cString: strerror(errorNumber)) }

  /// The system's explanation behind one of Foundation's file-writing errors (its own text
  /// reads "The volume is read only."), or `nil` for other codes.
  static func describe(_ code: CocoaError.Code) -> String? {
    let numbers: [CocoaError.Code: Int32] = [
      .fileWriteVolumeReadOnly: EROFS, .fileWriteOutOfSpace: ENOSPC,
      .fileWriteNoPermission: EACCES, .fileNoSuchFile: ENOENT, .fileWriteFileExists: EEXIST,
    ]
    return numbers[code].map { describe(errorNumber: $0) }
  }

  /// Stops `signals` from killing this process, so a handler of its own can take them.
  static func ignore(_ signals: [Int32]) {
    for number in signals { signal(number, SIG_IGN) }
  }

  /// The signals that ask rlbook to stop: SIGINT (Ctrl-C) and SIGTERM.
  static let interruptSignals = [SIGINT, SIGTERM]

  /// `path` with every symbolic link, `.` and `..` resolved (`realpath`), or `nil` when it
  /// does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

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
