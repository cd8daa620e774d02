/// Lays out `cells` (row by row, `columns` per row) as text with every column right-aligned
/// to the widest entry, two spaces apart.
public func gridText(_ cells: [String], columns: Int) -> String {
  precondition(columns > 0 && cells.count % columns == 0, "cells must fill whole rows")
  let width = cells.map(\.count).max() ?? 0
  var lines = [String]()
  for start in stride(from: 0, to: cells.count, by: columns) {
    let row = cells[start..<(start + columns)].map {
      String(repeating: " ", count: width - $0.count) + $0
    }
    lines.append(row.joined(separator: "  "))
  }
  return lines.joined(separator: "\n")
}

extension GridWorld {
  /// The symbol drawn for a cell that has no value or action of its own: walls `█`, cliff
  /// cells `C`, terminal cells `■`; `nil` for an ordinary cell.
  public func marker(for cell: Int) -> String? {
    if walls.contains(cell) { return "█" }
    if cliffs[cell] != nil { return "C" }
    if terminals.contains(cell) { return "■" }
    return nil
  }

  /// State values laid out on the grid with `digits` decimals, as an aligned text block.
  /// Walls and cliff cells show their ``marker(for:)``; terminal cells show their value.
  public func valueGrid(_ values: [Double], digits: Int = 1) -> String {
    precondition(values.count == cellCount, "one value per cell")
    let cells = (0..<cellCount).map { c in
      walls.contains(c) || cliffs[c] != nil ? marker(for: c)! : fixed(values[c], digits)
    }
    return gridText(cells, columns: columns)
  }

  /// A deterministic policy drawn as arrows, one per cell; special cells show their
  /// ``marker(for:)``.
  public func policyGrid(_ actions: [Int]) -> String {
    policyGrid(actionSets: actions.map { [$0] })
  }

  /// A policy drawn with every listed action as an arrow (ties show several arrows, as in
  /// Sutton & Barto's Figure 3.5); special cells show their ``marker(for:)``.
  public func policyGrid(actionSets: [[Int]]) -> String {
    precondition(actionSets.count == cellCount, "one entry per cell")
    let cells = (0..<cellCount).map { c in
      marker(for: c) ?? String(actionSets[c].sorted().map { moves[$0].arrow })
    }
    return gridText(cells, columns: columns)
  }
}
