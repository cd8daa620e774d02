import Foundation

/// Keeps clang's module cache valid when the book folder moves.
///
/// The modules swiftc builds into the cache record absolute paths, so after `mv` or `cp -a`
/// of the book every compile against the old cache fails with a message about module files.
/// The cache remembers the folder it was made in (a `location` file); when it finds itself
/// somewhere else, it starts over, and the first build there rebuilds the modules.
enum ModuleCacheLocation {
  /// Makes `folder` ready for use at its current path.
  static func prepare(_ folder: URL) {
    let fm = FileManager.default
    let marker = folder.appendingPathComponent("location")
    let here = folder.standardizedFileURL.path
    let recorded = try? String(contentsOf: marker, encoding: .utf8)
    if recorded == here { return }
    // A cache made elsewhere is rebuilt. One without a marker is only marked: several
    // builds may share a cache (the tests do), and none may pull it from under another.
    if recorded != nil { try? fm.removeItem(at: folder) }
    try? fm.createDirectory(at: folder, withIntermediateDirectories: true)
    try? Data(here.utf8).write(to: marker, options: .atomic)
  }
}
