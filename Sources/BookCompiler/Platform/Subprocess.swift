import CSystem
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Why rlbook killed a process before it ended by itself.
public enum KillReason: Sendable, Equatable {
  /// A cell ran past its `timeout=`.
  case cellTimeout
  /// swiftc ran for longer than `Subprocess.compilerTimeLimit`.
  case compilerTimeout
  /// A chapter's output could not be kept: its streams passed
  /// `OutputCap.bytesOnDiskPerChapter`, or the disk holding them filled up.
  case outputStopped
}

/// How a child process ended.
public enum Termination: Sendable, Equatable {
  /// It exited with this status.
  case exited(Int32)
  /// A signal killed it (a trap is SIGILL or SIGTRAP).
  case signaled(Int32)
  /// rlbook killed its whole session, for this reason.
  case killed(KillReason)
}

/// The one way rlbook starts a program: swiftc, chapter programs, `node` for KaTeX and
/// `swift build`.
///
/// The program runs in a session and process group of its own, with standard input from a
/// file and its output sent to files, not pipes, so a flood of output costs rlbook no memory
/// and no pipe can fill up and stall. A watchdog asked every few milliseconds may have the
/// whole session killed; whatever the program leaves running in its session is killed when
/// it ends.
struct Subprocess {
  /// The program's absolute path.
  var executable: String
  /// Its arguments, after its name.
  var arguments: [String]
  /// The folder it starts in.
  var workingDirectory: String
  /// Its environment.
  var environment: [String: String] = ProcessInfo.processInfo.environment
  /// The file it reads as standard input.
  var standardInput = "/dev/null"
  /// The file that receives its standard output (created or truncated).
  var standardOutput: String
  /// The file that receives its standard error (created or truncated).
  var standardError: String

  /// The longest swiftc may run on one chapter before it is killed: 10 minutes.
  static let compilerTimeLimit: Double = 600

  /// What the watchdog tells the runner after each poll.
  enum Verdict {
    case keepWaiting
    case kill(KillReason)
  }

  /// Starts the program and waits for it, asking `watchdog` every few milliseconds.
  func run(watchdog: () -> Verdict = { .keepWaiting }) throws(EnvironmentError) -> Termination {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, standardInput, O_RDONLY, 0)
    let create = O_WRONLY | O_CREAT | O_TRUNC
    posix_spawn_file_actions_addopen(&actions, 1, standardOutput, create, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, standardError, create, 0o644)
    rlbook_spawn_add_chdir(&actions, workingDirectory)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGXFSZ, SIGINT, SIGTERM] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    // A new session (and process group) of its own, so the whole tree can be found and killed.
    posix_spawnattr_setflags(&attributes, rlbook_spawn_session_flags())

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp =
      environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard status == 0 else {
      throw .cannotStart(executable: executable, reason: String(cString: strerror(status)))
    }
    ChildRegistry.shared.add(pid)
    defer { ChildRegistry.shared.remove(pid) }
    var waitStatus: Int32 = 0
    var delay: useconds_t = 1_000
    while true {
      let result = waitpid(pid, &waitStatus, WNOHANG)
      if result == pid { break }
      if result < 0 && errno != EINTR { throw .cannotWait(executable: executable) }
      if case .kill(let reason) = watchdog() {
        SessionSweep.killAll(session: pid)
        _ = waitpid(pid, &waitStatus, 0)
        return .killed(reason)
      }
      usleep(delay)
      delay = min(delay * 2, 20_000)
    }
    // Kill anything the child left behind in its session (a background process it started).
    SessionSweep.killAll(session: pid)
    let low = waitStatus & 0x7f
    if low == 0 { return .exited((waitStatus >> 8) & 0xff) }
    return .signaled(low)
  }

  /// What a program printed, for the short-lived helpers (`swiftc --version`, `node`,
  /// `swift build`).
  struct Captured {
    /// How it ended.
    var termination: Termination
    /// Its standard output.
    var standardOutput: Data
    /// Its standard error, as text.
    var standardError: String
  }

  /// Runs `executable` with `input` on standard input, in a scratch folder of its own that is
  /// removed afterwards, and returns what it printed.
  static func capture(
    _ executable: String, _ arguments: [String], input: Data = Data(),
    workingDirectory: String? = nil
  ) throws(EnvironmentError) -> Captured {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("rlbook-\(Platform.processID)-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
      try input.write(to: scratch.appendingPathComponent("in"))
    } catch {
      throw .cannotStart(executable: executable, reason: "cannot write \(scratch.path)")
    }
    defer { try? FileManager.default.removeItem(at: scratch) }
    let process = Subprocess(
      executable: executable, arguments: arguments,
      workingDirectory: workingDirectory ?? scratch.path,
      standardInput: scratch.appendingPathComponent("in").path,
      standardOutput: scratch.appendingPathComponent("out").path,
      standardError: scratch.appendingPathComponent("err").path)
    let termination = try process.run()
    return Captured(
      termination: termination,
      standardOutput: (try? Data(contentsOf: scratch.appendingPathComponent("out"))) ?? Data(),
      standardError: (try? String(
        contentsOf: scratch.appendingPathComponent("err"), encoding: .utf8)) ?? "")
  }
}
