import CellHarness
import Foundation

/// Turns the raw bytes a cell wrote into text that is safe and deterministic to record and
/// show, and cuts out the pictures that `display(_:)` framed and the values that `export(_:_:)`
/// wrote.
enum OutputDecoder {
  /// The note added where a stream was cut at `OutputCap.bytesPerStream`.
  static let truncationNote =
    "[output truncated: this stream passed the \(OutputCap.bytesPerStream >> 20) MiB cap]"

  /// The note added where a stream was cut because the chapter's output reached
  /// `OutputCap.bytesPerChapter`.
  static let chapterTruncationNote =
    "[output truncated: the chapter's output passed the \(OutputCap.bytesPerChapter >> 20) MiB"
    + " cap, so the rest of this stream is not shown]"

  /// Reads at most `limit` bytes of `path`, and whether the file holds more. A file that does
  /// not exist (a cell that never started) reads as empty; any other failure throws.
  static func read(_ path: String, limit: Int = OutputCap.bytesPerStream) throws -> (
    Data, truncated: Bool
  ) {
    guard FileManager.default.fileExists(atPath: path) else { return (Data(), false) }
    let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    let data = try handle.read(upToCount: max(limit, 0)) ?? Data()
    let size = try handle.seekToEnd()
    return (data, size > UInt64(data.count))
  }

  /// Splits standard output into text and pictures, in order; `warn` hears why a picture
  /// was refused (it is then shown as text).
  static func items(
    fromStdout data: Data, truncated: Bool, note: String = truncationNote,
    warn: (SVGRejection) -> Void = { _ in }
  ) -> [OutputItem] {
    let text = String(decoding: data, as: UTF8.self)
    var items = [OutputItem]()
    var pending = [Substring]()
    var picture: (alt: String, lines: [Substring])?
    func flushText() {
      let joined = sanitize(pending.joined(separator: "\n"))
      if !joined.isEmpty { items.append(.text(joined)) }
      pending.removeAll()
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if picture == nil, let marker = line.range(of: DisplayFrame.export),
        let export = exported(line[marker.upperBound...])
      {
        let before = line[..<marker.lowerBound]
        if !before.isEmpty { pending.append(before) }
        flushText()
        items.append(export)
      } else if picture == nil, let marker = line.range(of: DisplayFrame.begin) {
        // A frame may start after a partial line that the cell printed without a newline.
        let before = line[..<marker.lowerBound]
        if !before.isEmpty { pending.append(before) }
        flushText()
        let alt = String(line[marker.upperBound...]).removingPercentEncoding ?? ""
        picture = (oneLine(sanitize(alt)), [])
      } else if line == DisplayFrame.end, let open = picture {
        let markup = open.lines.joined(separator: "\n")
        switch SVGSanitizer.sanitize(markup) {
        case .success(let clean): items.append(.svg(alt: open.alt, markup: clean))
        case .failure(let rejection):
          warn(rejection)
          pending += open.lines  // not a picture we trust: shown (escaped) as text
        }
        picture = nil
      } else if picture != nil {
        picture!.lines.append(line)
      } else {
        pending.append(line)
      }
    }
    if let open = picture { pending += open.lines }  // an unfinished frame is shown as text
    if truncated { pending.append(Substring(note)) }
    flushText()
    return items
  }

  /// The export on a line after its marker: a valid name, one space, the percent-encoded
  /// value (shown on one line, sanitized). `nil` for anything else, which stays text.
  static func exported(_ rest: Substring) -> OutputItem? {
    guard let space = rest.firstIndex(of: " "), DisplayFrame.isValidExportName(rest[..<space])
    else { return nil }
    let encoded = rest[rest.index(after: space)...]
    guard let value = String(encoded).removingPercentEncoding else { return nil }
    return .export(name: String(rest[..<space]), value: oneLine(sanitize(value)))
  }

  /// Whether framed markup is a picture that `SVGSanitizer` accepts exactly as it is.
  static func isSafeSVG(_ markup: String) -> Bool {
    (try? SVGSanitizer.sanitize(markup).get()) == markup
  }

  /// Text on one line: newlines and tabs become spaces (alt text is one line in the record).
  static func oneLine(_ text: String) -> String {
    String(
      String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\t" ? " " : $0 }))
  }

  /// Standard error as sanitized text.
  static func text(fromStderr data: Data, truncated: Bool, note: String = truncationNote)
    -> String
  {
    var text = sanitize(String(decoding: data, as: UTF8.self))
    if truncated { text += (text.isEmpty ? "" : "\n") + note }
    return text
  }

  /// Removes ANSI escape sequences, shows other control characters as visible symbols
  /// (U+2400…), turns carriage returns into newlines, and trims trailing blank lines.
  /// Invalid UTF-8 has already become U+FFFD when decoding.
  static func sanitize(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    var lookahead: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
      if let l = lookahead {
        lookahead = nil
        return l
      }
      return scalars.next()
    }
    while let s = next() {
      switch s.value {
      case 0x1B:  // ESC: drop a CSI (ESC [ … final) or OSC (ESC ] … BEL/ST) sequence
        guard let kind = next() else { break }
        if kind == "[" {
          while let c = next(), !(0x40...0x7E).contains(c.value) {}
        } else if kind == "]" {
          while let c = next(), c.value != 0x07 {
            if c.value == 0x1B {
              _ = next()
              break
            }
          }
        }
      case 0x0D:
        if let following = next(), following != "\n" { lookahead = following }
        out.append("\n")
      case 0x09, 0x0A:
        out.append(s)
      case 0x00..<0x20:
        out.append(Unicode.Scalar(0x2400 + s.value)!)
      case 0x7F:
        out.append("\u{2421}")
      default:
        out.append(s)
      }
    }
    var result = String(out)
    while result.hasSuffix("\n") { result.removeLast() }
    return result
  }
}
