import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive advisory lock on a file (`flock`), held until the value is released. The
/// kernel drops it when the process dies, however it dies.
final class FileLock {
  private let descriptor: Int32

  /// Takes the lock on `path`, creating the file. When another process holds it, `waiting`
  /// is called once and the lock is awaited.
  init(path: String, waiting: () -> Void) throws(EnvironmentError) {
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .buildLock(path: path) }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      waiting()
      guard flock(descriptor, LOCK_EX) == 0 else {
        close(descriptor)
        throw .buildLock(path: path)
      }
    }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
