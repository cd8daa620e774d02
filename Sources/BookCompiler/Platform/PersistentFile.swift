import Foundation

/// A value kept between builds in one small file under `.rlbook-cache/`: the way the
/// compiler persists its own state, except the large HTML of the render cache, which a
/// ``TextArchive`` keeps verbatim under the same kind of header.
///
/// The file's first line is a header: the format's label and a digest of the rest, which is
/// the value as JSON with sorted keys. A file that is missing, from another format, or
/// damaged (its digest does not match) loads as `nil`, so a damaged cache only costs time.
/// Saving writes a new file and renames it over the old one, so a reader never sees half a
/// file; an unchanged value leaves the file untouched.
struct PersistentFile<Value: Codable>: Sendable {
  /// Where the file lives.
  var url: URL
  /// The format's name and version, such as `render-cache 3`; a file with another label is
  /// ignored.
  var format: String

  /// The stored value, or `nil` when there is none that can be trusted.
  func load() -> Value? {
    guard let data = try? Data(contentsOf: url), let newline = data.firstIndex(of: 0x0A)
    else { return nil }
    let header = String(decoding: data[..<newline], as: UTF8.self)
    let body = Data(data[(newline + 1)...])
    guard header == "\(format) \(StableHasher.digest(body))" else { return nil }
    return try? JSONDecoder().decode(Value.self, from: body)
  }

  /// Stores `value`, creating the folder when needed.
  func save(_ value: Value) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try Self.write(try encoder.encode(value), format: format, to: url)
  }

  /// Writes `FORMAT DIGEST`, a newline and `body` to `url` atomically, creating the folder
  /// when needed; a file that already holds exactly that is left alone.
  static func write(_ body: Data, format: String, to url: URL) throws {
    var data = Data("\(format) \(StableHasher.digest(body))\n".utf8)
    data.append(body)
    if (try? Data(contentsOf: url)) == data { return }
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url, options: .atomic)
  }

  /// Deletes the file, if there is one.
  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
