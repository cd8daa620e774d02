import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive lock on the book's cache folder, so two builds never write at once. A second
/// build waits for the first and says so. The kernel releases the lock when the process dies.
final class BuildLock {
  private let descriptor: Int32

  /// Takes the lock, waiting (with a message) while another build holds it.
  init(folder: URL, announce: (String) -> Void) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("lock").path
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw EnvironmentError("cannot open the build lock \(path)") }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      announce("another rlbook build is running in this book; waiting for it to finish…")
      guard flock(descriptor, LOCK_EX) == 0 else {
        throw EnvironmentError("cannot take the build lock \(path)")
      }
    }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
