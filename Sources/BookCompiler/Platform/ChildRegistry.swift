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
  /// started), and waits, at most `limit` seconds, until each has been reaped by the thread
  /// that started it.
  func killAll(limit: Double = 5) {
    for pid in lock.withLock({ Array(pids) }) { kill(pid, SIGTERM) }
    let deadline = Date().addingTimeInterval(limit)
    while Date() < deadline, !lock.withLock({ pids.isEmpty }) { usleep(5_000) }
  }
}
