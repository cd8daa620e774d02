import Foundation

/// Reads swiftc's diagnostics (`-diagnostic-style llvm`) and turns the errors located in a
/// chapter into `BookError`s.
enum CompilerDiagnostics {
  /// One diagnostic: its location, severity, message and the snippet lines under it.
  struct Entry: Equatable {
    var path: String
    var line: Int
    var column: Int
    var severity: Severity
    var message: String
    var snippet: [String]
  }

  /// Parses every `path:line:col: severity: message` diagnostic and its snippet lines.
  static func parse(_ text: String) -> [Entry] {
    var entries = [Entry]()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if let entry = header(line) {
        entries.append(entry)
      } else if !entries.isEmpty, !line.isEmpty {
        entries[entries.count - 1].snippet.append(String(line))
      }
    }
    return entries
  }

  /// The errors that point into `chapterPath`, as `BookError`s. The detail shows the chapter's
  /// lines around the error (from `source`, the chapter's Markdown) with a caret under the
  /// column, or swiftc's own snippet when the line is not in the file.
  static func errors(in text: String, chapterPath: String, source: String? = nil) -> [BookError] {
    parse(text).filter { $0.severity == .error && $0.path == chapterPath }.map { entry in
      let excerpt = source.map {
        SourceExcerpt.around(line: entry.line, column: entry.column, in: $0)
      }
      return BookError(
        stage: .compile, path: entry.path, line: entry.line, column: entry.column,
        message: entry.message,
        detail: excerpt.flatMap { $0.isEmpty ? nil : $0 }
          ?? entry.snippet.joined(separator: "\n"))
    }
  }

  /// The diagnostic a reader sees under a `compile-fail` cell: errors and their notes within
  /// the cell's lines, without file paths, so that moving the cell changes nothing.
  static func cellDiagnostic(_ text: String, chapterPath: String, lines: ClosedRange<Int>)
    -> String
  {
    parse(text).filter {
      $0.path == chapterPath && lines.contains($0.line) && $0.severity != .warning
    }.map { entry in
      let relative = entry.line - lines.lowerBound + 1
      return
        (["\(entry.severity.rawValue): \(entry.message)  [cell line \(relative)]"] + entry.snippet)
        .joined(separator: "\n")
    }.joined(separator: "\n")
  }

  private static func header(_ line: Substring) -> Entry? {
    // path:line:col: severity: message — the path itself may not contain ": ".
    let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
    guard parts.count == 5, let lineNumber = Int(parts[1]), let column = Int(parts[2]) else {
      return nil
    }
    guard let severity = Severity(rawValue: parts[3].trimmingCharacters(in: .whitespaces))
    else { return nil }
    return Entry(
      path: String(parts[0]), line: lineNumber, column: column, severity: severity,
      message: parts[4].trimmingCharacters(in: .whitespaces), snippet: [])
  }
}
