/// A problem with the tools or the machine rather than with a chapter: a missing system
/// package, an unbuilt library, a lock or a folder that cannot be used.
///
/// Each case says what is wrong and what to do about it, in one or two lines.
public enum EnvironmentError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No `swiftc` on `PATH` (or in `$SWIFTC`).
  case swiftcNotFound
  /// The release-built RL library is not in this folder.
  case libraryNotBuilt(directory: String)
  /// `node` or Debian's KaTeX is missing.
  case mathToolsMissing
  /// KaTeX's `node` process failed as a whole (not a single formula).
  case mathTypesettingFailed(status: Int32, message: String)
  /// A file the build needs cannot be read.
  case unreadable(path: String)
  /// A program could not be started.
  case cannotStart(executable: String, reason: String)
  /// Waiting for a started program failed.
  case cannotWait(executable: String)
  /// The build lock cannot be opened or taken.
  case buildLock(path: String)
  /// A chapter named on the command line does not exist.
  case unknownChapter(name: String)
  /// The new site could not be written or swapped in.
  case cannotWriteSite(path: String, reason: String)
  /// `rlbook serve`: another socket already listens on this port of 127.0.0.1.
  case portInUse(port: UInt16)
  /// `rlbook serve`: the port cannot be listened on for another reason.
  case cannotListen(port: UInt16, reason: String)

  /// The message, with what to do about it.
  public var description: String {
    switch self {
    case .swiftcNotFound:
      "swiftc not found: install Swift 6.3 (swift.org) and put its usr/bin on PATH"
    case .libraryNotBuilt(let directory):
      "the RL library is not built in \(directory): run `swift build -c release --product RL`"
        + " (make site does this)"
    case .mathToolsMissing:
      "typesetting math needs node and KaTeX: apt-get install nodejs katex libjs-katex fonts-katex"
    case .mathTypesettingFailed(let status, let message):
      "KaTeX failed (node exited with \(status)): \(message)"
    case .unreadable(let path):
      "cannot read \(path)"
    case .cannotStart(let executable, let reason):
      "cannot start \(executable): \(reason)"
    case .cannotWait(let executable):
      "waiting for \(executable) failed"
    case .buildLock(let path):
      "cannot take the build lock \(path)"
    case .unknownChapter(let name):
      "no chapter is called '\(name)'"
    case .cannotWriteSite(let path, let reason):
      "cannot write the new site to \(path): \(reason)"
    case .portInUse(let port):
      "port \(port) is in use; choose another with --port"
    case .cannotListen(let port, let reason):
      "cannot listen on 127.0.0.1:\(port): \(reason)"
    }
  }
}
