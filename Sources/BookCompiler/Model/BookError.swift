/// A problem with the book, located at a chapter file and line so an editor can jump to it.
///
/// Its description reads like a compiler diagnostic:
/// `chapters/01-the-loop.md:42: error: unknown cell option 'hiden'`.
public struct BookError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The pipeline stage that found the problem.
  public var stage: PipelineStage
  /// An error, or a warning that does not fail the build.
  public var severity: Severity
  /// The path relative to the book's root, such as `chapters/01-the-loop.md`.
  public var path: String
  /// The 1-based line, or `nil` when the problem is the whole file.
  public var line: Int?
  /// The 1-based column, when known.
  public var column: Int?
  /// A one-line summary.
  public var message: String
  /// Further lines (a compiler's diagnostic, the code around the line, a hint).
  public var detail: String?

  /// Creates an error at `path:line:column`.
  public init(
    stage: PipelineStage, severity: Severity = .error, path: String, line: Int? = nil,
    column: Int? = nil, message: String, detail: String? = nil
  ) {
    self.stage = stage
    self.severity = severity
    self.path = path
    self.line = line
    self.column = column
    self.message = message
    self.detail = detail
  }

  /// `path:line:column`, as far as it is known.
  public var location: String {
    var text = path
    if let line { text += ":\(line)" }
    if let line = line, let column { text = "\(path):\(line):\(column)" }
    return text
  }

  /// The diagnostic, with its detail indented under it.
  public var description: String {
    var text = "\(location): \(severity.rawValue): \(message)"
    if let detail, !detail.isEmpty {
      text +=
        "\n"
        + detail.split(separator: "\n", omittingEmptySubsequences: false)
        .map { "    " + $0 }.joined(separator: "\n")
    }
    return text
  }
}
