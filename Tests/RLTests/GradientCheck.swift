@testable import RL

/// The central-difference gradient of `f` at `x`.
func numericalGradient(_ x: [Double], epsilon: Double = 1e-6, _ f: ([Double]) -> Double)
  -> [Double]
{
  var g = [Double](repeating: 0, count: x.count)
  var y = x
  for i in x.indices {
    y[i] = x[i] + epsilon
    let plus = f(y)
    y[i] = x[i] - epsilon
    let minus = f(y)
    y[i] = x[i]
    g[i] = (plus - minus) / (2 * epsilon)
  }
  return g
}

/// The largest |aᵢ − bᵢ| / max(1, |bᵢ|).
func maxRelativeError(_ a: [Double], _ b: [Double]) -> Double {
  precondition(a.count == b.count)
  var worst = 0.0
  for i in a.indices { worst = max(worst, abs(a[i] - b[i]) / max(1, abs(b[i]))) }
  return worst
}

/// `n` standard normal draws.
func normals(_ n: Int, _ generator: inout SeededGenerator) -> [Double] {
  (0..<n).map { _ in generator.normal() }
}
