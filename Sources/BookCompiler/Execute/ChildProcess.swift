import CSystem
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How a child process ended.
public enum Termination: Sendable, Equatable {
  /// It exited with this status.
  case exited(Int32)
  /// A signal killed it (a trap is SIGILL or SIGTRAP).
  case signaled(Int32)
  /// We killed its process group, for the given reason.
  case killed(String)
}

/// Runs a program in its own session and process group, with its output sent to files, and kills the
/// whole group when a watchdog says so. Output goes to files, not pipes, so a flood costs
/// this process no memory.
struct ChildProcess {
  var executable: String
  var arguments: [String]
  var workingDirectory: String
  var environment: [String: String] = ProcessInfo.processInfo.environment
  var stdoutPath: String
  var stderrPath: String

  /// What the watchdog tells the runner after each poll.
  enum Verdict { case keepWaiting, kill(String) }

  /// Starts the process and waits for it, asking `watchdog` every few milliseconds.
  func run(watchdog: () -> Verdict = { .keepWaiting }) throws -> Termination {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
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
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard status == 0 else {
      throw EnvironmentError("cannot start \(executable): \(String(cString: strerror(status)))")
    }
    ChildRegistry.shared.add(pid)
    defer { ChildRegistry.shared.remove(pid) }
    var waitStatus: Int32 = 0
    var delay: useconds_t = 1_000
    while true {
      let result = waitpid(pid, &waitStatus, WNOHANG)
      if result == pid { break }
      if result < 0 && errno != EINTR {
        throw EnvironmentError("waiting for \(executable) failed")
      }
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
}

/// The process groups of running children, so an interrupt of `rlbook` kills them too.
final class ChildRegistry: @unchecked Sendable {
  static let shared = ChildRegistry()
  private let lock = NSLock()
  private var pids = Set<pid_t>()

  func add(_ pid: pid_t) { lock.withLock { _ = pids.insert(pid) } }
  func remove(_ pid: pid_t) { lock.withLock { _ = pids.remove(pid) } }

  /// Kills every running child's session: the child and everything it started.
  func killAll() {
    lock.withLock { for pid in pids { SessionSweep.killAll(session: pid) } }
  }
}
