/// Several `BookError`s at once: the book compiler reports every problem it finds, not just
/// the first.
public struct BookErrors: Error, Sendable, CustomStringConvertible {
  /// The errors, in the order found.
  public var errors: [BookError]

  /// Wraps a list of errors.
  public init(_ errors: [BookError]) {
    self.errors = errors
  }

  /// Every error, one diagnostic after another.
  public var description: String {
    errors.map(\.description).joined(separator: "\n")
  }
}
