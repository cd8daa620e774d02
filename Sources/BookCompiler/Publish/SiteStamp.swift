import Foundation

/// Lets a build skip rendering when nothing that feeds the site has changed. It remembers
/// the key of the inputs that built `site/` and a manifest of the files written (path and
/// size). The site counts as up to date only if the key matches and every file is still
/// there with its size, and no file was added.
struct SiteStamp {
  /// The stamp file, such as `.rlbook-cache/site-stamp.json`.
  var file: PersistentFile<Stamp>
  /// The site folder.
  var site: URL

  /// What is remembered: the inputs' key, and each file's path and size.
  struct Stamp: Codable {
    var key: String
    var sizes: [String: Int]
  }

  /// A stamp kept at `url` for the site in `site`.
  init(url: URL, site: URL) {
    file = PersistentFile(url: url, format: "site-stamp 1")
    self.site = site
  }

  /// Whether `site/` was built from inputs with this `key` and is still intact.
  func isCurrent(key: String) -> Bool {
    guard let stamp = file.load(), stamp.key == key else { return false }
    let present = Self.files(in: site)
    return present.count == stamp.sizes.count
      && present.allSatisfy { stamp.sizes[$0.path] == $0.size }
  }

  /// Remembers that `site/` now holds `files`, built from inputs with this `key`.
  func record(key: String, files: [String: Data]) {
    try? file.save(Stamp(key: key, sizes: files.mapValues(\.count)))
  }

  /// Forgets the stamp (before `site/` is replaced).
  func clear() {
    file.remove()
  }

  /// Every regular file under `folder`, with its size. Sizes come from `stat`: asking
  /// Foundation for file attributes reads the user and group databases for every file.
  private static func files(in folder: URL) -> [(path: String, size: Int)] {
    let root = folder.standardizedFileURL.path
    let paths = (try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []
    return paths.compactMap { path in
      FileStamp.regularFileSize(root + "/" + path).map { (path, $0) }
    }
  }
}
