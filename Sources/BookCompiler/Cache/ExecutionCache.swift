import Foundation

/// Remembers each chapter's cell outputs under a key made of everything that changes what
/// runs: the cells' code and execution options, the chapter's path, the RL library's
/// identity, the toolchain's version and the harness. Prose is not in the key, so a
/// prose-only edit re-renders without compiling or running.
///
/// An entry stores its full key and a checksum of its payload; an entry whose key or
/// checksum does not match is ignored and rebuilt, never trusted.
struct ExecutionCache {
  /// The folder of entries, such as `.rlbook-cache/runs`.
  var folder: URL

  /// The key text for `chapter` under `toolchain`.
  static func key(for chapter: Chapter, toolchain: Toolchain) -> String {
    var parts = [
      "rlbook-cache 2", toolchain.version, toolchain.libraryIdentity, chapter.path,
      StableHasher.digest(ChapterProgram.prologue),
    ]
    for cell in chapter.cells {
      parts.append("cell \(cell.index) \(cell.options.executionKey)")
      parts.append(cell.code)
    }
    return parts.joined(separator: "\n\u{1F}")
  }

  private func entryURL(_ key: String) -> URL {
    folder.appendingPathComponent(StableHasher.digest(key) + ".json")
  }

  private struct Entry: Codable {
    var key: String
    var payload: String
    var checksum: String
  }

  /// The outputs stored under `key`, or `nil` when there is no valid entry.
  func lookup(_ key: String, cellCount: Int) -> [CellOutput]? {
    guard let data = try? Data(contentsOf: entryURL(key)),
      let entry = try? JSONDecoder().decode(Entry.self, from: data),
      entry.key == key, entry.checksum == StableHasher.digest(entry.payload),
      let outputs = RecordedOutputs.parse(entry.payload), outputs.count == cellCount
    else { return nil }
    return outputs
  }

  /// Stores `outputs` under `key`, atomically (write to a temporary file, then rename).
  func store(_ outputs: [CellOutput], key: String, chapterPath: String) {
    let payload = RecordedOutputs.serialize(outputs, chapterPath: chapterPath)
    let entry = Entry(key: key, payload: payload, checksum: StableHasher.digest(payload))
    guard let data = try? JSONEncoder().encode(entry) else { return }
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? data.write(to: entryURL(key), options: .atomic)
  }
}
