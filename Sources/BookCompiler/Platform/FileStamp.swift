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

  /// The size of `path` if it is a regular file (symbolic links are not followed).
  static func regularFileSize(_ path: String) -> Int? {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(info.st_size)
  }
}
