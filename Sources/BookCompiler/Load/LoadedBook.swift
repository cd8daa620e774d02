/// A book as read from disk: its `book.toml`, the chapters that parsed, in reading order, and
/// the problems with the others.
public struct LoadedBook: Sendable {
  /// The book's settings and parts.
  public var manifest: BookManifest
  /// The chapters that parsed, in the order the parts list them.
  public var chapters: [Chapter]
  /// Chapters that could not be read or parsed, listing problems, broken links between
  /// chapters and unknown citation keys.
  public var errors: [BookError]
  /// The works the prose cites (empty when `book.toml` names no bibliography).
  public var bibliography: Bibliography
  /// The library's sources, when `book.toml` names them.
  public var library: Library?
  /// The glossary (empty when `book.toml` names none).
  public var glossary = Glossary()
  /// The notation (empty when `book.toml` names none).
  public var notation = Notation()

  /// The bibliography, library, glossary and notation together, for rendering.
  public var apparatus: BookApparatus {
    BookApparatus(
      bibliography: bibliography, library: library, glossary: glossary, notation: notation)
  }

  /// Creates the value.
  public init(
    manifest: BookManifest, chapters: [Chapter], errors: [BookError],
    bibliography: Bibliography = Bibliography(), library: Library? = nil
  ) {
    self.manifest = manifest
    self.chapters = chapters
    self.errors = errors
    self.bibliography = bibliography
    self.library = library
  }
}
