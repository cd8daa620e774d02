import CellHarness
import Foundation

/// The plain-text file beside each chapter (`chapters/NN-slug.out`) that records every cell's
/// output, so that `git diff` shows what an edit changed and `rlbook test` has something to
/// compare against.
///
/// Each cell's output is a list of sections. A section is a header line, then its content
/// with every line prefixed by `│ `, so no output can be mistaken for a header:
///
///     ── cell 2 · text ──
///     │ mean return 4.20
///     ── cell 2 · svg · Learning curve: return against episode ──
///     │ <svg …>
///     ── cell 2 · export · meanReturn ──
///     │ 4.20
public enum RecordedOutputs {
  static let preamble =
    "Recorded outputs of %@. Written by `rlbook build`; checked by `rlbook test`. Do not edit."

  /// The file's text for a chapter's outputs.
  public static func serialize(_ outputs: [CellOutput], chapterPath: String) -> String {
    var lines = [preamble.replacingOccurrences(of: "%@", with: chapterPath)]
    for (index, output) in outputs.enumerated() {
      lines += cellLines(output, number: index + 1)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The lines recording one cell (1-based `number`).
  public static func cellLines(_ output: CellOutput, number: Int) -> [String] {
    var lines = [String]()
    func section(_ kind: String, _ body: String) {
      lines.append("── cell \(number) · \(kind) ──")
      for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
        lines.append(line.isEmpty ? "│" : "│ " + line)
      }
    }
    if output.isEmpty { lines.append("── cell \(number) · no output ──") }
    for item in output.items {
      switch item {
      case .text(let text): section("text", text)
      case .svg(let alt, let markup):
        section("svg · " + alt.replacingOccurrences(of: "\n", with: " "), markup)
      case .export(let name, let value): section("export · " + name, value)
      }
    }
    if !output.stderr.isEmpty { section("stderr", output.stderr) }
    if let diagnostic = output.diagnostic { section("compile error", diagnostic) }
    return lines
  }

  /// The offset of the first occurrence of `needle` in `bytes`.
  private static func firstRange(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    return (0...(bytes.count - needle.count)).first {
      bytes[$0..<($0 + needle.count)].elementsEqual(needle)
    }
  }

  /// Reads a file written by `serialize`. Returns `nil` if it is malformed.
  public static func parse(_ text: String) -> [CellOutput]? {
    var outputs = [CellOutput]()
    var kind: String?
    var body = [Substring]()
    func close() -> Bool {
      guard let k = kind, !outputs.isEmpty else { return kind == nil }
      let joined = body.joined(separator: "\n")
      let i = outputs.count - 1
      if k == "text" {
        outputs[i].items.append(.text(joined))
      } else if k.utf8.starts(with: "svg · ".utf8) {
        let alt = Substring(k.utf8.dropFirst("svg · ".utf8.count))
        outputs[i].items.append(.svg(alt: String(alt), markup: joined))
      } else if k.utf8.starts(with: "export · ".utf8) {
        let name = String(Substring(k.utf8.dropFirst("export · ".utf8.count)))
        guard DisplayFrame.isValidExportName(name), !joined.contains("\n") else { return false }
        outputs[i].items.append(.export(name: name, value: joined))
      } else if k == "stderr" {
        outputs[i].stderr = joined
      } else if k == "compile error" {
        outputs[i].diagnostic = joined
      } else if k != "no output" {
        return false
      }
      body.removeAll()
      return true
    }
    // Markers are matched on UTF-8 bytes, not characters: a line of output that starts with
    // a combining mark joins the space before it into one character.
    let header = Array("── cell ".utf8)
    let headerEnd = Array(" ──".utf8)
    let separator = Array(" · ".utf8)
    let bar = Array("│ ".utf8)
    for line in text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst() {
      let bytes = line.utf8
      if bytes.starts(with: header), bytes.reversed().starts(with: headerEnd.reversed()),
        bytes.count >= header.count + headerEnd.count
      {
        guard close() else { return nil }
        let inner = Array(bytes.dropFirst(header.count).dropLast(headerEnd.count))
        guard let dot = Self.firstRange(of: separator, in: inner),
          let number = Int(String(decoding: inner[..<dot], as: UTF8.self)),
          number == outputs.count || number == outputs.count + 1
        else { return nil }
        if number == outputs.count + 1 { outputs.append(CellOutput()) }
        kind = String(decoding: inner[(dot + separator.count)...], as: UTF8.self)
      } else if line == "│" {
        body.append("")
      } else if bytes.starts(with: bar) {
        body.append(Substring(bytes.dropFirst(bar.count)))
      } else {
        return nil
      }
    }
    return close() ? outputs : nil
  }
}
