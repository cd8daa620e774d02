/// The values a chapter's cells exported with `export(_:_:)`, by name, for the prose's
/// `{{name}}`.
struct ExportedValues {
  /// A value and the 1-based number of the cell that exported it.
  struct Value: Equatable {
    var text: String
    var cell: Int
  }

  /// The values, by name.
  private(set) var values: [String: Value] = [:]
  /// Names exported by more than one cell, with the cells.
  private(set) var repeated: [(name: String, cells: [Int])] = []

  /// Collects the exports of `outputs`, indexed like the chapter's cells.
  init(_ outputs: [CellOutput]) {
    var cells = [String: [Int]]()
    for (index, output) in outputs.enumerated() {
      for (name, value) in output.exports {
        values[name] = Value(text: value, cell: index + 1)
        if cells[name]?.last != index + 1 { cells[name, default: []].append(index + 1) }
      }
    }
    repeated = cells.filter { $0.value.count > 1 }.map { ($0.key, $0.value) }
      .sorted { $0.name < $1.name }
  }

  /// The problems with a chapter's `{{name}}` references, given its cells' outputs: a name
  /// that no cell exported (at the prose line), and a name exported by two cells (at the
  /// second cell). A cell may export one name several times; the last value counts.
  static func problems(_ chapter: Chapter, outputs: [CellOutput]) -> [BookError] {
    let exported = ExportedValues(outputs)
    var errors = [BookError]()
    for reference in chapter.document.references {
      guard case .value(let name) = reference.kind, exported.values[name] == nil else {
        continue
      }
      let known = exported.values.keys.sorted()
      errors.append(
        BookError(
          stage: .render, path: chapter.path, line: reference.line,
          message: "{{\(name)}} names no value exported by a cell of this chapter",
          detail: known.isEmpty
            ? "a cell exports one with export(\"\(name)\", value)"
            : "exported: " + known.joined(separator: ", ")))
    }
    for (name, cells) in exported.repeated {
      let cell = chapter.cells.indices.contains(cells[1] - 1) ? chapter.cells[cells[1] - 1] : nil
      errors.append(
        BookError(
          stage: .render, path: chapter.path, line: cell?.fenceLine,
          message: "cells \(cells.map(String.init).joined(separator: " and ")) both export"
            + " '\(name)': give each value its own name"))
    }
    return errors
  }
}
