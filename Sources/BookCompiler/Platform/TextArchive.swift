import Foundation

/// A file of named texts stored verbatim, for the large rendered HTML that the render cache
/// keeps: as JSON strings it would be escaped on every quote, and Foundation's `JSONDecoder`
/// reads escaped strings slowly (a third of a prose-only rebuild went to it).
///
/// The first line is `FORMAT DIGEST`, the digest covering everything after it, so a file
/// from another format or a torn write is ignored. Then each entry is a line `NAME BYTES`
/// followed by exactly that many bytes of UTF-8 and a newline. Names have no spaces or
/// newlines; entries are written in the order of their names, so equal contents give equal
/// files.
struct TextArchive: Sendable {
  /// Where the archive lives.
  var url: URL
  /// The format's name and version; a file with any other is ignored.
  var format: String

  /// The entries, or nil when the file is missing, from another format or damaged.
  func load() -> [String: String]? {
    guard let data = try? Data(contentsOf: url) else { return nil }
    return data.withUnsafeBytes { raw -> [String: String]? in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard let headerEnd = bytes.firstIndex(of: 0x0A) else { return nil }
      let header = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[..<headerEnd]), as: UTF8.self)
      let body = UnsafeBufferPointer(rebasing: bytes[(headerEnd + 1)...])
      guard header == "\(format) \(StableHasher.digest(Data(buffer: body)))" else { return nil }
      var entries = [String: String]()
      var at = body.startIndex
      while at < body.endIndex {
        guard let lineEnd = body[at...].firstIndex(of: 0x0A) else { return nil }
        let line = String(
          decoding: UnsafeBufferPointer(rebasing: body[at..<lineEnd]), as: UTF8.self)
        let parts = line.split(separator: " ")
        // The text and its newline must fit in what is left (compared without adding, so a
        // huge length cannot overflow).
        guard parts.count == 2, let count = Int(parts[1]), count >= 0,
          count < body.endIndex - (lineEnd + 1), body[lineEnd + 1 + count] == 0x0A
        else { return nil }
        let text = UnsafeBufferPointer(rebasing: body[(lineEnd + 1)..<(lineEnd + 1 + count)])
        entries[String(parts[0])] = String(decoding: text, as: UTF8.self)
        at = lineEnd + 2 + count
      }
      return entries
    }
  }

  /// Writes `entries` atomically (nothing, if the file already holds exactly them).
  func save(_ entries: [String: String]) throws {
    var body = Data()
    for name in entries.keys.sorted() {
      precondition(
        !name.isEmpty && !name.contains(" ") && !name.contains("\n"), "archive entry name")
      let text = Data(entries[name]!.utf8)
      body.append(Data("\(name) \(text.count)\n".utf8))
      body.append(text)
      body.append(0x0A)
    }
    try PersistentFile<String>.write(body, format: format, to: url)
  }
}
