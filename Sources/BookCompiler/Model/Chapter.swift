import Foundation

/// A Swift cell: a fenced block whose info string starts with `swift`.
public struct Cell: Sendable, Hashable {
  /// The cell's position in its chapter, from 0.
  public var index: Int
  /// The 1-based line of the opening fence in the Markdown file.
  public var fenceLine: Int
  /// The cell's code, as written.
  public var code: String
  /// The options from the fence.
  public var options: CellOptions

  /// The 1-based line of the code's first line.
  public var firstCodeLine: Int { fenceLine + 1 }

  /// Creates a cell.
  public init(index: Int, fenceLine: Int, code: String, options: CellOptions) {
    self.index = index
    self.fenceLine = fenceLine
    self.code = code
    self.options = options
  }
}

/// One chapter of the book: its place, title, Markdown source and cells.
public struct Chapter: Sendable, Hashable {
  /// The path relative to the book root, such as `chapters/01-the-loop.md`.
  public var path: String
  /// The chapter's number, from the file name's leading digits.
  public var number: Int
  /// The file name without the number and extension, such as `the-loop`.
  public var slug: String
  /// The text of the first level-1 heading.
  public var title: String
  /// The Markdown source.
  public var source: String
  /// The Swift cells, in order.
  public var cells: [Cell]

  /// The file name of the chapter's page in the site, such as `01-the-loop.html`.
  public var pageName: String { baseName + ".html" }

  /// The file name without `.md`, such as `01-the-loop`.
  public var baseName: String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
  }

  /// The path of the recorded outputs beside the chapter.
  public var outputsPath: String {
    String(path.dropLast(3)) + ".out"
  }

  /// The recorded outputs' file, in the book at `root`.
  public func outputsURL(in root: URL) -> URL {
    root.appendingPathComponent(outputsPath)
  }

  /// Creates a chapter.
  /// The Markdown, parsed once by the load stage: later stages never parse it again.
  public var document: ChapterDocument

  /// Every code block of the chapter, in order (cells included, each marked with its cell).
  public var codeBlocks: [CodeBlock] { document.parsed.codeBlocks }

  /// Creates a chapter from its parts. `ChapterParser` passes the document it parsed.
  public init(
    path: String, number: Int, slug: String, title: String, source: String, cells: [Cell],
    document: ChapterDocument
  ) {
    self.document = document
    self.path = path
    self.number = number
    self.slug = slug
    self.title = title
    self.source = source
    self.cells = cells
  }
}
