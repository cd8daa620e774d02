/// What a book has besides its chapters, read by the load stage and used to render every
/// page: the works it cites, its library's sources, its glossary and its notation.
public struct BookApparatus: Sendable {
  /// The works the prose cites.
  public var bibliography = Bibliography()
  /// The library's sources, when `book.toml` names them.
  public var library: Library?
  /// The glossary.
  public var glossary = Glossary()
  /// The notation.
  public var notation = Notation()

  /// Creates the apparatus; every part is empty by default.
  public init(
    bibliography: Bibliography = Bibliography(), library: Library? = nil,
    glossary: Glossary = Glossary(), notation: Notation = Notation()
  ) {
    self.bibliography = bibliography
    self.library = library
    self.glossary = glossary
    self.notation = notation
  }
}
