/// A line-by-line unified diff (the format of `diff -u`), for showing how a cell's output
/// differs from what was recorded.
enum UnifiedDiff {
  /// The diff of `old` against `new` with `context` lines around each change, or an empty
  /// string when they are equal.
  ///
  /// - Complexity: O(n·m) time and memory in the number of lines, which is fine for the
  ///   outputs of one cell.
  static func diff(old: [String], new: [String], oldName: String, newName: String, context: Int = 3)
    -> String
  {
    if old == new { return "" }
    // Longest common subsequence table, filled from the end.
    let n = old.count
    let m = new.count
    var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        lcs[i][j] = old[i] == new[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    enum Op {
      case same(String)
      case removed(String)
      case added(String)
    }
    var ops = [Op]()
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n, j < m, old[i] == new[j] {
        ops.append(.same(old[i]))
        i += 1
        j += 1
      } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
        ops.append(.removed(old[i]))
        i += 1
      } else {
        ops.append(.added(new[j]))
        j += 1
      }
    }
    // Group the changes into hunks with their context.
    let changed = ops.indices.filter {
      if case .same = ops[$0] { return false } else { return true }
    }
    var hunks = [[Int]]()
    for index in changed {
      if let last = hunks.last?.last, index - last <= 2 * context {
        hunks[hunks.count - 1].append(index)
      } else {
        hunks.append([index])
      }
    }
    var lines = ["--- \(oldName)", "+++ \(newName)"]
    for hunk in hunks {
      let start = max(0, hunk.first! - context)
      let end = min(ops.count - 1, hunk.last! + context)
      var oldStart = 1
      var newStart = 1
      for op in ops[..<start] {
        switch op {
        case .same:
          oldStart += 1
          newStart += 1
        case .removed: oldStart += 1
        case .added: newStart += 1
        }
      }
      var body = [String]()
      var oldCount = 0
      var newCount = 0
      for op in ops[start...end] {
        switch op {
        case .same(let s):
          body.append(" " + s)
          oldCount += 1
          newCount += 1
        case .removed(let s):
          body.append("-" + s)
          oldCount += 1
        case .added(let s):
          body.append("+" + s)
          newCount += 1
        }
      }
      lines.append("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@")
      lines += body
    }
    return lines.joined(separator: "\n")
  }
}
