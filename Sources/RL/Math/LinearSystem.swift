/// Solves the square linear system A x = b by Gaussian elimination with partial pivoting.
///
/// `matrix` holds A row by row (n × n). At each column the row with the largest pivot in
/// absolute value is swapped up, which keeps the elimination numerically stable. Returns
/// `nil` when A is singular (a pivot is below `tolerance`).
///
/// - Complexity: O(n³) time, O(n²) memory.
public func solveLinearSystem(
  _ matrix: [Double], _ rhs: [Double], tolerance: Double = 1e-12
) -> [Double]? {
  let n = rhs.count
  precondition(matrix.count == n * n, "matrix must be n × n for n = rhs.count")
  var a = matrix
  var b = rhs
  for column in 0..<n {
    var pivot = column
    for r in (column + 1)..<max(column + 1, n)
    where abs(a[r * n + column]) > abs(a[pivot * n + column]) {
      pivot = r
    }
    if abs(a[pivot * n + column]) < tolerance { return nil }
    if pivot != column {
      for c in 0..<n { a.swapAt(pivot * n + c, column * n + c) }
      b.swapAt(pivot, column)
    }
    let diagonal = a[column * n + column]
    for r in (column + 1)..<max(column + 1, n) {
      let factor = a[r * n + column] / diagonal
      if factor == 0 { continue }
      for c in column..<n { a[r * n + c] -= factor * a[column * n + c] }
      b[r] -= factor * b[column]
    }
  }
  var x = [Double](repeating: 0, count: n)
  for r in stride(from: n - 1, through: 0, by: -1) {
    var total = b[r]
    for c in (r + 1)..<max(r + 1, n) { total -= a[r * n + c] * x[c] }
    x[r] = total / a[r * n + r]
  }
  return x
}
