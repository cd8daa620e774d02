/// The figures of a chapter, numbered in order ("Figure 12.3"): every picture its cells drew,
/// and the labels (`label=NAME` on a cell) that the prose refers to as `@fig-NAME`.
struct FigureNumbers {
  /// The number of each cell's first figure, by cell index (cells without one are absent).
  private(set) var firstOfCell: [Int: Int] = [:]
  /// The figure each label names: its cell's first.
  private(set) var labels: [String: Int] = [:]

  /// Numbers the figures of `chapter` from its cells' `outputs`.
  init(_ chapter: Chapter, outputs: [CellOutput]) {
    var next = 1
    for cell in chapter.cells where outputs.indices.contains(cell.index) {
      let count = outputs[cell.index].items.filter {
        if case .svg = $0 { return true }
        return false
      }.count
      guard count > 0 else { continue }
      firstOfCell[cell.index] = next
      if let label = cell.options.label, labels[label] == nil { labels[label] = next }
      next += count
    }
  }

  /// The anchor of figure `number` on its chapter's page.
  static func anchor(_ number: Int) -> String { "figure-\(number)" }

  /// The problems with a chapter's figure labels, given its outputs: a `@fig-NAME` that no
  /// cell's label names (at the prose line), a label given twice, or on a cell that drew no
  /// figure (at the cell).
  static func problems(_ chapter: Chapter, outputs: [CellOutput]) -> [BookError] {
    let figures = FigureNumbers(chapter, outputs: outputs)
    var errors = [BookError]()
    var seen = Set<String>()
    for cell in chapter.cells {
      guard let label = cell.options.label else { continue }
      if !seen.insert(label).inserted {
        errors.append(
          BookError(
            stage: .render, path: chapter.path, line: cell.fenceLine,
            message: "label=\(label) is given to two cells"))
      } else if figures.firstOfCell[cell.index] == nil {
        errors.append(
          BookError(
            stage: .render, path: chapter.path, line: cell.fenceLine,
            message: "label=\(label) names this cell's figure, but the cell drew none"))
      }
    }
    for reference in chapter.document.references {
      guard case .figure(let label) = reference.kind, figures.labels[label] == nil else {
        continue
      }
      errors.append(
        BookError(
          stage: .render, path: chapter.path, line: reference.line,
          message: "@fig-\(label) names no figure of this chapter",
          detail: figures.labels.isEmpty
            ? "give the cell that draws it the option label=\(label)"
            : "labels: " + figures.labels.keys.sorted().joined(separator: ", ")))
    }
    return errors
  }
}
