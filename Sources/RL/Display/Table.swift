/// A text table with aligned columns, for printing results in a cell.
///
/// ```swift
/// var table = Table(["method", "reward"])
/// table.append(["ε = 0.1", fixed(1.35)])
/// print(table)
/// ```
public struct Table: CustomStringConvertible, Sendable {
  /// The column titles.
  public var header: [String]
  /// The rows, each with one entry per column.
  public var rows: [[String]] = []
  /// Which columns are right-aligned; by default every column but the first.
  public var rightAligned: Set<Int>

  /// Creates an empty table with the given column titles.
  public init(_ header: [String], rightAligned: Set<Int>? = nil) {
    self.header = header
    self.rightAligned = rightAligned ?? Set(1..<max(1, header.count))
  }

  /// Appends one row; it must have one entry per column.
  public mutating func append(_ row: [String]) {
    precondition(row.count == header.count, "a row needs \(header.count) entries")
    rows.append(row)
  }

  /// The table as aligned text, with a rule under the header.
  public var description: String {
    var widths = header.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      var parts = [String]()
      for (i, cell) in cells.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        parts.append(rightAligned.contains(i) ? pad + cell : cell + pad)
      }
      var text = parts.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text
    }
    let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
  }
}
