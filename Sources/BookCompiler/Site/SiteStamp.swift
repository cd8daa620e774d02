import Foundation

/// Lets a build skip rendering when nothing that feeds the site has changed. It remembers
/// the key of the inputs that built `site/` and a manifest of the files written (path and
/// size). The site counts as up to date only if the key matches and every file is still
/// there with its size, and no file was added.
struct SiteStamp {
  /// The stamp file, such as `.rlbook-cache/site-stamp.txt`.
  var url: URL
  /// The site folder.
  var site: URL

  /// Whether `site/` was built from inputs with this `key` and is still intact.
  func isCurrent(key: String) -> Bool {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return false }
    var lines = text.split(separator: "\n").map(String.init)
    guard lines.first == key else { return false }
    lines.removeFirst()
    var expected = [String: Int]()
    for line in lines {
      guard let space = line.lastIndex(of: " "), let size = Int(line[line.index(after: space)...])
      else { return false }
      expected[String(line[..<space])] = size
    }
    let present = Self.files(in: site)
    return present.count == expected.count
      && present.allSatisfy { expected[$0.path] == $0.size }
  }

  /// Records that `site/` now holds `files`, built from inputs with `key`.
  func record(key: String, files: [String: Data]) {
    let manifest = files.keys.sorted().map { "\($0) \(files[$0]!.count)" }
    try? ([key] + manifest).joined(separator: "\n").write(
      to: url, atomically: true, encoding: .utf8)
  }

  /// Forgets the stamp (before the site is replaced, so a crash leaves no false stamp).
  func clear() {
    try? FileManager.default.removeItem(at: url)
  }

  private static func files(in folder: URL) -> [(path: String, size: Int)] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
    else { return [] }
    let prefix = folder.standardizedFileURL.path + "/"
    var result = [(String, Int)]()
    for case let url as URL in enumerator {
      let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
      guard values?.isRegularFile == true else { continue }
      let path = url.standardizedFileURL.path
      result.append(
        (
          path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path,
          values?.fileSize ?? -1
        ))
    }
    return result
  }
}
