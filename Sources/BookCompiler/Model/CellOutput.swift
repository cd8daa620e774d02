/// One piece of what a cell showed, in the order it was produced.
public enum OutputItem: Sendable, Hashable, Codable {
  /// Text the cell printed to standard output.
  case text(String)
  /// A picture the cell passed to `display(_:)`, with its alt text.
  case svg(alt: String, markup: String)
  /// A value the cell passed to `export(_:_:)`, which the prose quotes as `{{name}}`.
  case export(name: String, value: String)
}

/// Everything one cell produced.
public struct CellOutput: Sendable, Hashable, Codable {
  /// Standard output, split into text and pictures.
  public var items: [OutputItem] = []
  /// Standard error, as text.
  public var stderr: String = ""
  /// The compiler's diagnostic, for a `compile-fail` cell.
  public var diagnostic: String?

  /// Creates an empty output.
  public init(items: [OutputItem] = [], stderr: String = "", diagnostic: String? = nil) {
    self.items = items
    self.stderr = stderr
    self.diagnostic = diagnostic
  }

  /// The values the cell exported, in order, as (name, value).
  public var exports: [(name: String, value: String)] {
    items.compactMap { item in
      if case .export(let name, let value) = item { return (name, value) }
      return nil
    }
  }

  /// Whether the cell produced nothing at all.
  public var isEmpty: Bool { items.isEmpty && stderr.isEmpty && diagnostic == nil }
}
