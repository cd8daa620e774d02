/// The book's glossary (`[book] glossary`): terms with a short definition each.
public struct Glossary: Sendable, Hashable {
  /// One term.
  public struct Term: Sendable, Hashable {
    /// The key, also its anchor on the glossary page (`term-KEY`).
    public var key: String
    /// The term as the prose writes it.
    public var term: String
    /// Other forms the prose uses (plurals…), linked like the term.
    public var also: [String]
    /// One or two plain sentences.
    public var definition: String

    /// Creates a term.
    public init(key: String, term: String, also: [String] = [], definition: String) {
      self.key = key
      self.term = term
      self.also = also
      self.definition = definition
    }
  }

  /// The terms, sorted by term.
  public var terms: [Term] = []
  /// The file, relative to the book's root.
  public var path: String?

  /// Creates a glossary.
  public init(terms: [Term] = [], path: String? = nil) {
    self.terms = terms.sorted { ($0.term.lowercased(), $0.key) < ($1.term.lowercased(), $1.key) }
    self.path = path
  }

  /// The glossary page.
  public static let page = "glossary.html"

  /// The anchor of a term on the glossary page.
  public static func anchor(_ key: String) -> String { "term-" + key }
}

/// The book's notation (`[book] notation`): each symbol with its one meaning.
public struct Notation: Sendable, Hashable {
  /// One symbol.
  public struct Symbol: Sendable, Hashable {
    /// The symbol, as TeX.
    public var tex: String
    /// What it means, in one plain sentence.
    public var meaning: String
    /// The line of its `[[symbol]]` header in the file.
    public var line: Int?

    /// Creates a symbol.
    public init(tex: String, meaning: String, line: Int? = nil) {
      self.tex = tex
      self.meaning = meaning
      self.line = line
    }
  }

  /// The symbols, in the file's order.
  public var symbols: [Symbol] = []
  /// The file, relative to the book's root.
  public var path: String?

  /// The notation page.
  public static let page = "notation.html"

  /// Creates a notation.
  public init(symbols: [Symbol] = [], path: String? = nil) {
    self.symbols = symbols
    self.path = path
  }
}
