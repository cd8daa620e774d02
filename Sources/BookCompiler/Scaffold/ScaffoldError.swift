/// Why `rlbook init` could not create a book.
public struct ScaffoldError: Error, Sendable, CustomStringConvertible {
  /// What went wrong, in one line.
  public var description: String

  /// Creates the error with its message.
  public init(_ description: String) {
    self.description = description
  }
}
