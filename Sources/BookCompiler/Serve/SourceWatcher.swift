import Foundation

/// Notices edits by polling modification times and sizes: the chapters (`chapters/*.md`),
/// `book.toml` and the TOML files beside it, and the RL library's sources (`Sources/RL/**/*.swift`). Polling is simple and portable, and a
/// book has few enough files that a scan costs well under a millisecond.
struct SourceWatcher: Sendable {
  /// What changed since the last scan.
  struct Changes: Sendable {
    var chapters = false
    var library = false
    var any: Bool { chapters || library }
  }

  var root: URL
  private var chapters: [String: String] = [:]
  private var library: [String: String] = [:]

  init(root: URL) {
    self.root = root
    chapters = Self.scanBook(root)
    library = Self.scan(root.appendingPathComponent("Sources/RL"), suffix: ".swift", deep: true)
  }

  /// Scans again and says what differs from the previous scan.
  mutating func poll() -> Changes {
    let newChapters = Self.scanBook(root)
    let newLibrary = Self.scan(
      root.appendingPathComponent("Sources/RL"), suffix: ".swift", deep: true)
    defer {
      chapters = newChapters
      library = newLibrary
    }
    return Changes(chapters: newChapters != chapters, library: newLibrary != library)
  }

  /// The chapters, `book.toml` and the other TOML files beside it (the bibliography, the
  /// glossary, the notation), as `scan` reports them.
  private static func scanBook(_ root: URL) -> [String: String] {
    scan(root.appendingPathComponent("chapters"), suffix: ".md", deep: false)
      .merging(scan(root, suffix: ".toml", deep: false)) { a, _ in a }
  }

  /// File path → "mtime size" for every matching file under `folder`.
  private static func scan(_ folder: URL, suffix: String, deep: Bool) -> [String: String] {
    let fm = FileManager.default
    var names = [String]()
    if deep {
      names = (fm.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
    } else {
      names = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
    }
    var result = [String: String]()
    for name in names where name.hasSuffix(suffix) {
      let path = folder.appendingPathComponent(name).path
      guard let attributes = try? fm.attributesOfItem(atPath: path) else { continue }
      let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
      result[path] = "\(date) \(size)"
    }
    return result
  }
}
