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

/// Values derived from files (the toolchain's version, the library's hash), remembered in
/// one small JSON file under the stamps of the files they came from. A value is reused only
/// while every stamp still matches.
struct StampMemo {
  var url: URL

  private var entries: [String: String] {
    guard let data = try? Data(contentsOf: url),
      let decoded = try? JSONDecoder().decode([String: String].self, from: data)
    else { return [:] }
    return decoded
  }

  /// The value remembered for `paths` as they are now, or `compute()`'s result, remembered.
  func value(for paths: [String], compute: () throws -> String) rethrows -> String {
    let stamps = paths.map { FileStamp.of($0) }
    guard !stamps.contains(nil) else { return try compute() }
    let key = StableHasher.digest(stamps.map { $0! }.joined(separator: "\n"))
    var stored = entries
    if let value = stored[key] { return value }
    let value = try compute()
    stored[key] = value
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    if let data = try? encoder.encode(stored) {
      try? FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? data.write(to: url, options: .atomic)
    }
    return value
  }
}
