import Foundation

/// Maps a request path to a file inside the site folder, refusing anything that would leave
/// it: `..` and `.` segments (plain or percent-encoded, once or twice), hidden names,
/// backslashes, NUL bytes, and symbolic links that point outside the folder.
public enum SiteFiles {
  /// What a request path resolves to.
  public enum Resolution: Equatable, Sendable {
    /// A regular file inside the site.
    case file(URL)
    /// A path that tries to leave the site, or is malformed.
    case forbidden
    /// A well-formed path with no file behind it.
    case notFound
  }

  /// Resolves `requestPath` (such as `/01-the-loop.html`; a query is ignored) under `site`.
  public static func resolve(_ requestPath: String, in site: URL) -> Resolution {
    let raw = String(requestPath.prefix { $0 != "?" && $0 != "#" })
    guard raw.hasPrefix("/"), let decoded = raw.removingPercentEncoding else { return .forbidden }
    // A second layer of encoding (%252e) is never legitimate here.
    if decoded.contains("%") || decoded.contains("\\") || decoded.contains("\0") {
      return .forbidden
    }
    let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
    if parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) {
      return .forbidden
    }
    let rootPath = Platform.realPath(site.path) ?? site.standardizedFileURL.path
    var candidate = URL(fileURLWithPath: rootPath)
    for part in parts { candidate.appendPathComponent(String(part)) }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) else {
      // A dangling link, or nothing at all; either way, nothing to serve.
      return .notFound
    }
    if isDirectory.boolValue { candidate.appendPathComponent("index.html") }
    guard let resolved = Platform.realPath(candidate.path) else { return .notFound }
    guard resolved.hasPrefix(rootPath + "/") else { return .forbidden }
    var resolvedIsDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &resolvedIsDirectory),
      !resolvedIsDirectory.boolValue
    else { return .notFound }
    return .file(URL(fileURLWithPath: resolved))
  }

  /// The content type for a file name.
  public static func contentType(_ name: String) -> String {
    switch (name as NSString).pathExtension.lowercased() {
    case "html": "text/html; charset=utf-8"
    case "css": "text/css; charset=utf-8"
    case "js": "text/javascript; charset=utf-8"
    case "json": "application/json"
    case "svg": "image/svg+xml"
    case "png": "image/png"
    case "woff2": "font/woff2"
    case "txt", "md": "text/plain; charset=utf-8"
    default: "application/octet-stream"
    }
  }
}
