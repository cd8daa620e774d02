import CellHarness
import Foundation

/// Reads back what each cell of a chapter wrote to its two stream files, keeping at most
/// `OutputCap.bytesPerStream` of each stream and `OutputCap.bytesPerChapter` over the
/// whole chapter, so the memory rlbook spends on a chapter, its record and its page stay
/// bounded however much the cells printed.
struct CellStreams {
  var chapter: Chapter
  var files: CellFiles

  /// Fills in the text, pictures and standard error of every cell in `cells`; a picture that
  /// is refused becomes a warning, a stream that cannot be read an error.
  func collect(_ cells: [Cell], into result: inout ChapterOutcome) {
    var budget = OutputCap.bytesPerChapter
    for cell in cells {
      do {
        let (stdout, stdoutNote) = try read(files.standardOutput(ofCell: cell.index), &budget)
        let (stderr, stderrNote) = try read(files.standardError(ofCell: cell.index), &budget)
        var refused = [SVGRejection]()
        result.outputs[cell.index].items = OutputDecoder.items(
          fromStdout: stdout, truncated: stdoutNote != nil,
          note: stdoutNote ?? OutputDecoder.truncationNote, warn: { refused.append($0) })
        result.warnings += refused.map {
          BookError(
            stage: .run, severity: .warning, path: chapter.path, line: cell.fenceLine,
            message: "the picture from this cell was not shown: \($0)")
        }
        result.outputs[cell.index].stderr = OutputDecoder.text(
          fromStderr: stderr, truncated: stderrNote != nil,
          note: stderrNote ?? OutputDecoder.truncationNote)
      } catch {
        result.fail(
          with: BookError(
            stage: .run, path: chapter.path, line: cell.fenceLine,
            message: "cannot read the output of the cell at line \(cell.fenceLine):"
              + " \(error.localizedDescription)"))
      }
    }
  }

  /// One stream, within what is left of the chapter's `budget`, and the note to add when
  /// it was cut (`nil` when it is whole).
  private func read(_ path: String, _ budget: inout Int) throws -> (Data, note: String?) {
    let limit = min(OutputCap.bytesPerStream, budget)
    let (data, truncated) = try OutputDecoder.read(path, limit: limit)
    budget -= data.count
    guard truncated else { return (data, nil) }
    return (
      data,
      limit < OutputCap.bytesPerStream
        ? OutputDecoder.chapterTruncationNote : OutputDecoder.truncationNote
    )
  }
}
