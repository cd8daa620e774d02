/// A book as read from disk: its `book.toml`, the chapters that parsed, in reading order, and
/// the problems with the others.
public struct LoadedBook: Sendable {
  /// The book's settings and parts.
  public var manifest: BookManifest
  /// The chapters that parsed, in the order the parts list them.
  public var chapters: [Chapter]
  /// Chapters that could not be read or parsed, and listing problems.
  public var errors: [BookError]

  /// Creates the value.
  public init(manifest: BookManifest, chapters: [Chapter], errors: [BookError]) {
    self.manifest = manifest
    self.chapters = chapters
    self.errors = errors
  }
}
