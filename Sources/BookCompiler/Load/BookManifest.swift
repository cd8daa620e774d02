/// What `book.toml` says about a book: its title and subtitle, authors, language, its parts
/// with their chapters, and where the site goes. The compiler knows nothing else about a book.
public struct BookManifest: Sendable, Hashable {
  /// The name of the book file, at the book's root.
  public static let fileName = "book.toml"

  /// A part of the book: a name and its chapters, in reading order.
  public struct Part: Sendable, Hashable {
    /// The part's name as shown in the contents, such as `Part I · Basics`.
    public var name: String
    /// The chapters' file names in `chapters/`, such as `02-next.md`.
    public var chapters: [String]
    /// The 1-based line of the part's `[[part]]` header in `book.toml`, when known.
    public var line: Int?
    /// The 1-based line of each chapter's name in `book.toml`, when known.
    var chapterLines: [Int?] = []

    /// Creates a part.
    public init(name: String, chapters: [String], line: Int? = nil) {
      self.name = name
      self.chapters = chapters
      self.line = line
    }
  }

  /// The book's title, on every page.
  public var title: String
  /// A sentence under the title on the contents page; also the page's description.
  public var subtitle: String?
  /// The authors, in order; named on the contents page and in each page's metadata.
  public var authors: [String] = []
  /// The language of the text, as a BCP 47 tag (`en`, `fr`, `pt-BR`), for `<html lang>`.
  public var language = "en"
  /// The parts, in order.
  public var parts: [Part] = []
  /// The bibliography file, relative to the book's root (`[book] bibliography`), if any.
  public var bibliography: String?
  /// The glossary file (`[book] glossary`), if any.
  public var glossary: String?
  /// The notation file (`[book] notation`), if any.
  public var notation: String?
  /// The folder of the library's sources, relative to the book's root (`[library] sources`),
  /// if any: chapters show its code with `swift source=NAME`, and the site has a page per file.
  public var librarySources: String?
  /// The site folder's name, relative to the book's root.
  public var siteFolder = "site"
  /// The `<meta name="description">` of the contents page; by default the subtitle.
  public var siteDescription: String?
  /// The most writable private memory (heap, anonymous mappings, stacks) each chapter's
  /// program may hold, in bytes (`[run] memory-limit-gib`); every process it starts gets
  /// the same limit.
  public var memoryLimit = BookManifest.defaultMemoryLimit

  /// The default memory limit of a chapter's program: 2 GiB. The book's chapters hold at
  /// most a few hundred MiB.
  public static let defaultMemoryLimit = 2 << 30

  /// Creates a manifest; every other setting has its default.
  public init(title: String) {
    self.title = title
  }

  /// The chapters' file names, in reading order: part by part.
  public var chapterFiles: [String] { parts.flatMap(\.chapters) }

  /// The description of the contents page, if any.
  public var description: String? { siteDescription ?? subtitle }

  /// Everything that shapes the site, as one string for the site's inputs key.
  var fingerprint: String {
    var fields = [title, subtitle ?? "", authors.joined(separator: "\u{1E}"), language]
    fields.append(bibliography ?? "")
    fields.append(librarySources ?? "")
    fields += [glossary ?? "", notation ?? ""]
    fields += [siteFolder, siteDescription ?? ""]
    for part in parts {
      fields.append(part.name + "\u{1E}" + part.chapters.joined(separator: "\u{1E}"))
    }
    return fields.joined(separator: "\u{1F}")
  }
}
