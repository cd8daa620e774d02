import Foundation

/// Remembers each chapter's outputs under its cache key (`PlannedChapter.cacheKey`), one file
/// per key in `.rlbook-cache/runs/`.
struct ExecutionCache: Sendable {
  /// The folder of entries.
  var folder: URL

  /// One entry: its full key (the file name is only the key's digest) and the outputs.
  private struct Entry: Codable {
    var key: String
    var outputs: [CellOutput]
  }

  private func file(_ key: String) -> PersistentFile<Entry> {
    PersistentFile(
      url: folder.appendingPathComponent(StableHasher.digest(key) + ".json"), format: "run 2")
  }

  /// The outputs stored under `key`, if a sound entry for exactly that key and cell count
  /// exists.
  func lookup(_ key: String, cellCount: Int) -> [CellOutput]? {
    guard let entry = file(key).load(), entry.key == key, entry.outputs.count == cellCount
    else { return nil }
    return entry.outputs
  }

  /// Stores `outputs` under `key`.
  func store(_ outputs: [CellOutput], key: String) throws {
    try file(key).save(Entry(key: key, outputs: outputs))
  }
}
