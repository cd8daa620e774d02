import Foundation

/// Writes the site so that `site/` is always a complete build: files go to a temporary
/// folder beside it, which is then swapped in with one atomic rename. After an interrupt or
/// a kill at any moment, `site/` is either the old site or the new one, never a mixture.
///
/// A `site` that is a symbolic link is written through: the folder it points to is
/// replaced, and the link stays. A `site/` that is a mount point (a container's volume)
/// cannot be renamed, so its contents are swapped instead, entry by entry. Whatever fails
/// is one clear error, and no staging folder is left behind.
enum SiteWriter {
  /// Replaces the folder at `destination` with `files`.
  ///
  /// - Throws: `EnvironmentError.cannotWriteSite` with the system's reason, such as
  ///   "Read-only file system" or "No space left on device".
  static func write(_ files: [String: Data], to destination: URL) throws(EnvironmentError) {
    let target = followingLinks(destination)
    let fm = FileManager.default
    let parent = target.deletingLastPathComponent()
    removeLeftovers(in: parent, prefix: ".\(target.lastPathComponent).new-")
    if Platform.isMountPoint(target.path) {
      try swapContents(of: target, with: files)
      return
    }
    let staging = parent.appendingPathComponent(
      ".\(target.lastPathComponent).new-\(Platform.processID)")
    do {
      try stage(files, in: staging)
      if fm.fileExists(atPath: target.path) {
        try Platform.exchange(staging.path, target.path)
        try? fm.removeItem(at: staging)  // now holds the old site
      } else {
        try fm.moveItem(at: staging, to: target)
      }
    } catch {
      try? fm.removeItem(at: staging)
      throw .cannotWriteSite(path: destination.path, reason: reason(error))
    }
  }

  /// Where `url` leads once symbolic links (even to a folder that does not exist yet) are
  /// followed.
  static func followingLinks(_ url: URL) -> URL {
    var current = url.standardizedFileURL
    for _ in 0..<16 {
      guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path)
      else { break }
      current =
        URL(fileURLWithPath: link, relativeTo: current.deletingLastPathComponent())
        .standardizedFileURL
    }
    return current
  }

  /// Writes `files` into a new folder `staging`.
  private static func stage(_ files: [String: Data], in staging: URL) throws {
    let fm = FileManager.default
    try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    for (path, data) in files.sorted(by: { $0.key < $1.key }) {
      let url = staging.appendingPathComponent(path)
      try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url)
    }
  }

  /// Replaces the contents of the mount point `folder`: the new site is staged inside it,
  /// the old entries are moved aside, the new ones moved in, and the old ones removed.
  private static func swapContents(of folder: URL, with files: [String: Data])
    throws(EnvironmentError)
  {
    let fm = FileManager.default
    removeLeftovers(in: folder, prefix: ".rlbook-")
    let staging = folder.appendingPathComponent(".rlbook-new-\(Platform.processID)")
    let old = folder.appendingPathComponent(".rlbook-old-\(Platform.processID)")
    do {
      try stage(files, in: staging)
      try fm.createDirectory(at: old, withIntermediateDirectories: true)
      for entry in try fm.contentsOfDirectory(atPath: folder.path)
      where !entry.hasPrefix(".rlbook-") {
        try fm.moveItem(
          at: folder.appendingPathComponent(entry), to: old.appendingPathComponent(entry))
      }
      for entry in try fm.contentsOfDirectory(atPath: staging.path) {
        try fm.moveItem(
          at: staging.appendingPathComponent(entry), to: folder.appendingPathComponent(entry))
      }
    } catch {
      try? fm.removeItem(at: staging)
      throw .cannotWriteSite(path: folder.path, reason: reason(error))
    }
    try? fm.removeItem(at: staging)
    try? fm.removeItem(at: old)
  }

  /// The system's reason behind a Foundation error ("Read-only file system"), not its
  /// generic wrapper.
  private static func reason(_ error: any Error) -> String {
    if case .cannotWriteSite(_, let reason) = error as? EnvironmentError { return reason }
    if let cocoa = error as? CocoaError, let reason = Platform.describe(cocoa.code) {
      return reason
    }
    let wrapped = error as NSError
    if let underlying = wrapped.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return Platform.describe(errorNumber: Int32(underlying.code))
    }
    if wrapped.domain == NSPOSIXErrorDomain {
      return Platform.describe(errorNumber: Int32(wrapped.code))
    }
    return wrapped.localizedDescription
  }

  /// Removes staging folders left in `folder` by a build that was killed.
  static func removeLeftovers(in folder: URL, prefix: String) {
    let fm = FileManager.default
    for entry in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
    where entry.hasPrefix(prefix) {
      try? fm.removeItem(at: folder.appendingPathComponent(entry))
    }
  }
}
