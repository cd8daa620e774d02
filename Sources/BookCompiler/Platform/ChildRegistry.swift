import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The sessions of running children, so an interrupt of `rlbook` kills them too.
final class ChildRegistry: @unchecked Sendable {
  /// The registry of this process.
  static let shared = ChildRegistry()
  private let lock = NSLock()
  private var pids = Set<pid_t>()

  /// Notes a started child.
  func add(_ pid: pid_t) { lock.withLock { _ = pids.insert(pid) } }
  /// Forgets a child that ended.
  func remove(_ pid: pid_t) { lock.withLock { _ = pids.remove(pid) } }

  /// Kills every running child's session: the child and everything it started.
  func killAll() {
    lock.withLock { for pid in pids { SessionSweep.killAll(session: pid) } }
  }
}
