/// Something an author should know about that does not fail the build, such as a picture
/// that was refused and shown as text. It reads like a compiler warning:
/// `chapters/02-bandits.md:40: warning: the picture from this cell was not shown: …`.
public struct BookWarning: Sendable, Equatable, CustomStringConvertible {
  /// The path relative to the book's root.
  public var path: String
  /// The 1-based line, or `nil` for the whole file.
  public var line: Int?
  /// A one-line summary.
  public var message: String

  /// Creates a warning at `path:line`.
  public init(path: String, line: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  /// The warning as one line.
  public var description: String {
    "\(path)\(line.map { ":\($0)" } ?? ""): warning: \(message)"
  }

  /// The warning for a picture from the cell whose fence is at `line` that was refused.
  static func pictureNotShown(path: String, line: Int, reason: String) -> BookWarning {
    BookWarning(
      path: path, line: line, message: "the picture from this cell was not shown: \(reason)")
  }
}
