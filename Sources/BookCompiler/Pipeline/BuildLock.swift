import Foundation

/// Makes builds of one book take turns: a second `rlbook build` waits for the first, saying
/// so, instead of both writing the same files. Held until the value is released.
final class BuildLock {
  private let lock: FileLock

  /// Takes the lock in `folder` (the book's cache folder), telling `announce` when it has
  /// to wait.
  init(folder: URL, announce: (String) -> Void) throws(EnvironmentError) {
    let path = folder.appendingPathComponent("lock").path
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .buildLock(path: path)
    }
    lock = try FileLock(path: path) {
      announce("another rlbook build is running in this book; waiting for it to finish…")
    }
  }
}
