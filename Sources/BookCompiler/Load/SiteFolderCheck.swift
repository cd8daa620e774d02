import Foundation

/// Keeps a build from replacing a folder that is not a site. Each build swaps the whole site
/// folder for a new one, so a `[site] folder` that names, by mistake, a folder of the
/// author's own (`docs`, `src`) must be refused before anything is written.
enum SiteFolderCheck {
  /// The problem with the site folder of `manifest` under `root`, if any: it exists, holds
  /// files, and has no `index.html`.
  static func problems(_ manifest: BookManifest, root: URL) -> [BookError] {
    let folder = root.appendingPathComponent(manifest.siteFolder)
    let fm = FileManager.default
    var isFolder: ObjCBool = false
    guard fm.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return [] }
    let entries = isFolder.boolValue ? (try? fm.contentsOfDirectory(atPath: folder.path)) : nil
    if let entries, entries.isEmpty || entries.contains("index.html") { return [] }
    return [
      BookError(
        stage: .load, path: BookManifest.fileName,
        message: "the site folder '\(manifest.siteFolder)' exists and is not a site of rlbook's;"
          + " a build would replace it",
        detail: "name another folder under [site] folder, or move this one away")
    ]
  }
}
