import Foundation

/// Writes the site so that `site/` is always a complete build: files go to a temporary
/// folder beside it, which is then swapped in with one atomic rename. After an interrupt or
/// a kill at any moment, `site/` is either the old site or the new one, never a mixture.
enum SiteWriter {
  /// Replaces the folder at `destination` with `files`.
  static func write(_ files: [String: Data], to destination: URL) throws {
    let fm = FileManager.default
    let parent = destination.deletingLastPathComponent()
    let name = destination.lastPathComponent
    removeLeftovers(in: parent, name: name)
    let staging = parent.appendingPathComponent(".\(name).new-\(Platform.processID)")
    try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    for (path, data) in files.sorted(by: { $0.key < $1.key }) {
      let url = staging.appendingPathComponent(path)
      try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url)
    }
    if fm.fileExists(atPath: destination.path) {
      try Platform.exchange(staging.path, destination.path)
      try fm.removeItem(at: staging)  // now holds the old site
    } else {
      try fm.moveItem(at: staging, to: destination)
    }
  }

  /// Removes staging folders left by a build that was killed.
  static func removeLeftovers(in parent: URL, name: String) {
    let fm = FileManager.default
    for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
    where entry.hasPrefix(".\(name).new-") {
      try? fm.removeItem(at: parent.appendingPathComponent(entry))
    }
  }
}
