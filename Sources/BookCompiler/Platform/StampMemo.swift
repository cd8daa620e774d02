import Foundation

/// Remembers values that are slow to compute from files (a library's hash, `swiftc
/// --version`) under the files' stamps: the value is computed again only when a file changed.
struct StampMemo {
  /// Where the remembered values are kept.
  var file: PersistentFile<[String: String]>

  /// A memo kept at `url`.
  init(url: URL) {
    file = PersistentFile(url: url, format: "stamp-memo 1")
  }

  /// The value for `paths`: remembered when none of them changed since, otherwise computed
  /// by `compute` and remembered.
  func value(for paths: [String], compute: () throws -> String) rethrows -> String {
    let stamps = paths.compactMap(FileStamp.of)
    guard stamps.count == paths.count else { return try compute() }
    let key = StableHasher.digest(stamps.joined(separator: "\n"))
    var stored = file.load() ?? [:]
    if let value = stored[key] { return value }
    let value = try compute()
    stored[key] = value
    try? file.save(stored)
    return value
  }
}
