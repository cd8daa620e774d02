import Foundation

/// Remembers each chapter's outputs under its cache key (`PlannedChapter.cacheKey`), one file
/// per key in `.rlbook-cache/runs/`.
struct ExecutionCache: Sendable {
  /// The folder of entries.
  var folder: URL

  /// One entry: its full key (the file name is only the key's digest) and the outputs in
  /// the record's text format, which reads back several times faster than the same outputs
  /// as nested JSON.
  private struct Entry: Codable {
    var key: String
    var record: String
  }

  private func file(_ key: String) -> PersistentFile<Entry> {
    PersistentFile(
      url: folder.appendingPathComponent(StableHasher.digest(key) + ".json"), format: "run 3")
  }

  /// The outputs stored under `key`, if a sound entry for exactly that key and cell count
  /// exists.
  func lookup(_ key: String, cellCount: Int) -> [CellOutput]? {
    guard let entry = file(key).load(), entry.key == key,
      let outputs = RecordedOutputs.parse(entry.record), outputs.count == cellCount
    else { return nil }
    return outputs
  }

  /// Stores `outputs` under `key`.
  func store(_ outputs: [CellOutput], key: String, chapterPath: String) throws {
    let record = RecordedOutputs.serialize(outputs, chapterPath: chapterPath)
    try file(key).save(Entry(key: key, record: record))
  }
}
