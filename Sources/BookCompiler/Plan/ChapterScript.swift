/// A chapter's cells as one standalone Swift program, for readers to run in a terminal: the
/// download on each chapter's page (`NN-slug.swift`) and what `rlbook run` compiles.
///
/// Cells run in order, each announced by a line such as `── cell 3 · chapters/F.md:42 ──`.
/// Outside the book `display` prints `[figure: …]` and `export` prints `name = value`. A
/// `norun` cell's declarations stay at file scope and its statements never run, as in the
/// book; a `compile-fail` cell is kept as a comment.
public enum ChapterScript {
  /// The download's file name, such as `05-monte-carlo-and-td.swift`.
  public static func fileName(of chapter: Chapter) -> String { chapter.baseName + ".swift" }

  /// The program. `mapsLines` adds `#sourceLocation` directives, so diagnostics and traps name
  /// the chapter's Markdown lines (for `rlbook run`); the download leaves them out, since
  /// readers edit the file itself.
  public static func source(of chapter: Chapter, bookTitle: String, mapsLines: Bool) -> String {
    var text = """
      // Chapter \(chapter.number): \(oneLine(chapter.title))
      // The cells of \(chapter.path), from "\(oneLine(bookTitle))", as one program.
      //
      // Run it from the book's folder (a clone of its repository): rlbook run \(fileName(of: chapter))
      // rlbook compiles it against the book's release-built RL library and runs it.

      import CellHarness
      import RL
      #if canImport(Glibc)
      import Glibc
      #endif

      // Each line appears as soon as it is printed, even into a file or a pipe.
      setvbuf(stdout, nil, _IOLBF, 0)

      """
    for cell in chapter.cells {
      let place = "\(chapter.path):\(cell.fenceLine)"
      if cell.options.compileFail {
        text += "\n// ── cell \(cell.index + 1) · \(place): does not compile, by design ──\n"
        for line in cell.code.split(separator: "\n", omittingEmptySubsequences: false)
        where !line.isEmpty {
          text += "// " + line + "\n"
        }
        continue
      }
      let note = cell.options.noRun ? " (shown, never run)" : ""
      text += "\nprint(\"── cell \(cell.index + 1) · \(escaped(place))\(note) ──\")\n"
      text += ChapterProgram.located(
        cell, in: chapter.path, skipped: cell.options.noRun, mapsLines: mapsLines)
    }
    return text
  }

  private static func oneLine(_ text: String) -> String {
    String(text.map { $0.isNewline ? " " : $0 })
  }

  /// `text` as the inside of a Swift string literal.
  private static func escaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case _ where scalar.value < 0x20: out += "\\u{\(String(scalar.value, radix: 16))}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
