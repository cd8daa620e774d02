/// The library a book's chapters import, as source (`[library] sources` in `book.toml`): its
/// files and the declarations and regions a chapter can show with `swift source=NAME`.
public struct Library: Sendable, Hashable {
  /// One source file.
  public struct File: Sendable, Hashable {
    /// The path relative to the book's root, such as `Sources/RL/PolicyGradient/PPO.swift`.
    public var path: String
    /// The path inside the library's folder, such as `PolicyGradient/PPO.swift`.
    public var name: String
    /// The text.
    public var text: String
  }

  /// A declaration or a marked region of a file.
  public struct Symbol: Sendable, Hashable, Codable {
    /// What can be shown: a declaration, or the lines between `// region NAME` and
    /// `// endregion`.
    public enum Kind: String, Sendable, Hashable, Codable {
      case declaration, region
    }

    /// The name a chapter uses: `trainPPO`, a member as `TinyLM.forward`, or a region's name.
    public var name: String
    /// Declaration or region.
    public var kind: Kind
    /// The index of its file in `files`.
    public var file: Int
    /// Its first line (its doc comment's, for a declaration) and last line, 1-based.
    public var lines: ClosedRange<Int>
    /// The line of the declaration itself (after its doc comment), or the region's first line.
    public var line: Int
    /// Whether it is a public declaration at the top level of its file (a type, a function, a
    /// global): the names a chapter's code can use and link to.
    public var isPublicTopLevel: Bool
  }

  /// The folder, relative to the book's root.
  public var folder: String
  /// The files, sorted by name.
  public var files: [File]
  /// Every declaration and region, in file and line order.
  public var symbols: [Symbol]

  /// Creates a library.
  public init(folder: String, files: [File], symbols: [Symbol]) {
    self.folder = folder
    self.files = files
    self.symbols = symbols
  }

  /// The site page of a file, such as `source-PolicyGradient-PPO.swift.html` (one folder, so
  /// every page shares the site's relative addresses).
  public static func pageName(ofFile name: String) -> String {
    "source-" + name.replacingOccurrences(of: "/", with: "-") + ".html"
  }

  /// The anchor of a symbol on its file's page.
  public static func anchor(of name: String) -> String { "decl-" + name }

  /// The address of a symbol: its file's page and its anchor.
  public func address(of symbol: Symbol) -> String {
    Self.pageName(ofFile: files[symbol.file].name) + "#" + Self.anchor(of: symbol.name)
  }
}

/// A piece of the library shown in a chapter by a ```` ```swift source=NAME ```` block.
public struct LibraryExcerpt: Sendable, Hashable {
  /// The file's path relative to the book's root.
  public var path: String
  /// Its page in the site, with the symbol's anchor.
  public var address: String
  /// The lines shown, 1-based.
  public var lines: ClosedRange<Int>
  /// The code, without the indentation common to its lines.
  public var code: String
}
