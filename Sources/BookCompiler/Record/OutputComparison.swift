/// Compares a chapter's fresh outputs with its recorded ones, cell by cell.
enum OutputComparison {
  /// A unified diff for each cell whose output differs, naming the chapter and the cell's
  /// line. A missing or unreadable record is one mismatch for the whole chapter.
  static func mismatches(
    chapter: Chapter, recorded: [CellOutput]?, actual: [CellOutput],
    labels: (String, String) = ("recorded", "actual"), complaint: String = "output differs"
  ) -> [String] {
    guard let recorded else {
      return ["\(chapter.outputsPath): no recorded outputs to compare with; run `rlbook build`"]
    }
    var diffs = [String]()
    for cell in chapter.cells {
      let old = recorded.indices.contains(cell.index) ? recorded[cell.index] : CellOutput()
      let new = actual.indices.contains(cell.index) ? actual[cell.index] : CellOutput()
      if old == new { continue }
      let diff = UnifiedDiff.diff(
        old: RecordedOutputs.cellLines(old, number: cell.index + 1),
        new: RecordedOutputs.cellLines(new, number: cell.index + 1),
        oldName: "\(chapter.outputsPath) (\(labels.0))",
        newName: "\(chapter.path):\(cell.fenceLine) (\(labels.1))")
      diffs.append(
        "\(chapter.path):\(cell.fenceLine): cell \(cell.index + 1) \(complaint)\n\(diff)")
    }
    if recorded.count > chapter.cells.count {
      diffs.append(
        "\(chapter.outputsPath): records \(recorded.count) cells, but the chapter has \(chapter.cells.count)"
      )
    }
    return diffs
  }
}
