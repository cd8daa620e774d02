import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The supervisors of running children, so an interrupt of `rlbook` kills their trees too.
final class ChildRegistry: @unchecked Sendable {
  /// The registry of this process.
  static let shared = ChildRegistry()
  private let lock = NSLock()
  private var pids = Set<pid_t>()

  /// Notes a started child's supervisor.
  func add(_ pid: pid_t) { lock.withLock { _ = pids.insert(pid) } }
  /// Forgets a child that ended.
  func remove(_ pid: pid_t) { lock.withLock { _ = pids.remove(pid) } }

  /// Has every running child's supervisor kill its tree (the child and everything it
  /// started), and waits for them, at most `limit` seconds, without reaping them.
  func killAll(limit: Double = 5) {
    let supervisors = lock.withLock { Array(pids) }
    for pid in supervisors { kill(pid, SIGTERM) }
    let deadline = Date().addingTimeInterval(limit)
    for pid in supervisors {
      var info = siginfo_t()
      while Date() < deadline {
        info.si_pid = 0
        let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        if result != 0 || info.si_pid == pid { break }
        usleep(5_000)
      }
    }
  }
}
