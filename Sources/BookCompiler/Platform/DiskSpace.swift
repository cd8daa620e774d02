#if canImport(Glibc)
  import Glibc
#endif

/// Whether a disk has room left, from `statvfs`.
enum DiskSpace {
  /// Whether the file system holding `path` has no block left for this process: then any
  /// write into it fails with ENOSPC. (The blocks a file system keeps for root count as free
  /// for root only.) `false` when it cannot be asked.
  static func isFull(at path: String) -> Bool {
    var info = statvfs()
    guard statvfs(path, &info) == 0 else { return false }
    return (geteuid() == 0 ? info.f_bfree : info.f_bavail) == 0
  }
}
