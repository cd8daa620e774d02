import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A cheap fingerprint of a file from `stat`: device, inode, size and modification time in
/// nanoseconds. Rebuilding or replacing a file changes it, so work derived from the file's
/// contents can be remembered under the stamp instead of being redone.
enum FileStamp {
  /// The stamp of `path`, or `nil` when it cannot be read.
  static func of(_ path: String) -> String? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return "\(path)|\(info.st_dev)|\(info.st_ino)|\(info.st_size)|"
      + "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
  }
}
