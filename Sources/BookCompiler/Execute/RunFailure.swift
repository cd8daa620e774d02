/// Explains why a chapter's program stopped early, at the cell that was running.
struct RunFailure {
  var chapter: Chapter
  var cell: Cell?
  var termination: Termination
  var output: CellOutput?

  var error: BookError {
    let line = trapLocation?.line ?? cell?.fenceLine
    let column = trapLocation?.column
    var detail = [String]()
    if let output {
      let printed = output.items.compactMap { item -> String? in
        if case .text(let t) = item { return t }
        return nil
      }.joined(separator: "\n")
      if !printed.isEmpty { detail.append("output before it stopped:\n" + lastLines(printed, 12)) }
    }
    if let cell, trapLocation != nil {
      detail.append("in the cell that starts at line \(cell.fenceLine)")
    }
    return BookError(
      stage: .run, path: chapter.path, line: line, column: column, message: summary,
      detail: detail.joined(separator: "\n"))
  }

  private var summary: String {
    let which = cell.map { "the cell at line \($0.fenceLine)" } ?? "the chapter"
    switch termination {
    case .killed(.compilerTimeout):
      return
        "swiftc ran for more than \(Int(Subprocess.compilerTimeLimit / 60)) minutes and was stopped"
    case .killed(.cellTimeout):
      let seconds = cell?.options.effectiveTimeout ?? CellOptions.defaultTimeout
      return "\(which) ran past its timeout of \(formatSeconds(seconds)) s and was stopped"
        + " (set a longer one with `timeout=SECONDS`)"
    case .signaled(let signal):
      return "\(which) crashed (signal \(signal))" + (fatalErrorLine.map { ": " + $0 } ?? "")
    case .exited(let status):
      return status == 0
        ? "\(which) stopped before the chapter finished" : "\(which) exited with status \(status)"
    }
  }

  /// The runtime's message, such as "Fatal error: Index out of range" or "Precondition
  /// failed: …", without the runtime's own file prefix (the location is already given).
  private var fatalErrorLine: String? {
    let kinds = ["Fatal error", "Precondition failed", "Assertion failed"]
    for line in output?.stderr.split(separator: "\n") ?? [] {
      for kind in kinds {
        if let range = line.range(of: kind + ":") ?? line.range(of: kind) {
          return String(line[range.lowerBound...]).trimmingCharacters(in: .whitespaces)
        }
      }
    }
    return nil
  }

  /// The first backtrace frame that points into this chapter: `at chapters/X.md:41:8`.
  private var trapLocation: (line: Int, column: Int)? {
    guard let stderr = output?.stderr else { return nil }
    let marker = " at \(chapter.path):"
    for line in stderr.split(separator: "\n") {
      guard let range = line.range(of: marker) else { continue }
      let numbers = line[range.upperBound...].split(separator: ":")
      if numbers.count >= 2, let l = Int(numbers[0]), let c = Int(numbers[1].prefix { $0.isNumber })
      {
        return (l, c)
      }
      if let l = Int(numbers.first?.prefix { $0.isNumber } ?? "") { return (l, 0) }
    }
    return nil
  }

  private func lastLines(_ text: String, _ count: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).suffix(count).joined(
      separator: "\n")
  }

  private func formatSeconds(_ s: Double) -> String {
    s == s.rounded() ? String(Int(s)) : String(s)
  }
}
