import Foundation

/// Explains why a chapter's program stopped early, or failed, at the cell that was running.
struct RunFailure {
  var chapter: Chapter
  var cell: Cell?
  var termination: Termination
  var output: CellOutput?
  /// The backtracer's report (`CellFiles.crashReport`), when it wrote one.
  var crashReport: String?
  /// What the harness could not write (`CellFiles.writeFailure`), when a write failed.
  var writeFailure: String?
  /// Why the watch stopped the chapter for its output (`CellWatch.outputProblem`).
  var outputProblem: String?

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
    if let outputProblem { return "\(which) was stopped: \(outputProblem)" }
    if let writeFailure {
      return "\(which) lost output: \(writeFailure) (is the disk that holds .rlbook-cache full?)"
    }
    if let crashReport, !isSignal {
      return "\(which) crashed: \(crashHeadline(crashReport))"
        + (fatalErrorLine.map { ": " + $0 } ?? "")
        + " (the backtracer caught the signal and the program went on; a crash fails the cell)"
    }
    switch termination {
    case .killed(.compilerTimeout):
      return
        "swiftc ran for more than \(Int(Subprocess.compilerTimeLimit / 60)) minutes and was stopped"
    case .killed(.cellTimeout):
      let seconds = cell?.options.effectiveTimeout ?? CellOptions.defaultTimeout
      return "\(which) ran past its timeout of \(formatSeconds(seconds)) s and was stopped"
        + " (set a longer one with `timeout=SECONDS`)"
    case .killed(.outputStopped):
      return "\(which) was stopped: its output could not be kept"
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

  /// Whether a signal ended the program.
  private var isSignal: Bool {
    if case .signaled = termination { return true }
    return false
  }

  /// What the report's first line says happened, such as "Bad pointer dereference",
  /// without the address.
  private func crashHeadline(_ report: String) -> String {
    let first = report.split(separator: "\n").first.map(String.init) ?? ""
    var text = first.trimmingCharacters(in: CharacterSet(charactersIn: "* "))
    if text.hasPrefix("Program crashed: ") { text.removeFirst("Program crashed: ".count) }
    if let address = text.range(of: " at 0x") { text = String(text[..<address.lowerBound]) }
    return text.isEmpty ? "the backtracer wrote a crash report" : text
  }

  /// The first backtrace frame that points into this chapter: `at chapters/X.md:41:8`, in
  /// the crash report or, failing that, in standard error.
  private var trapLocation: (line: Int, column: Int)? {
    let text = (crashReport ?? "") + "\n" + (output?.stderr ?? "")
    let marker = " at \(chapter.path):"
    for line in text.split(separator: "\n") {
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
