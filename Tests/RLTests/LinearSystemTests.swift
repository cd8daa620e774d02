import Testing

@testable import RL

@Suite("Gaussian elimination")
struct LinearSystemTests {
  @Test("Needs a row swap: zero on the first pivot")
  func pivoting() throws {
    // 0x + 2y + z = 5; x + y + z = 6; 2x + y - z = 1  →  (1, 2, 3)
    let a: [Double] = [0, 2, 1, 1, 1, 1, 2, 1, -1]
    let x = try #require(solveLinearSystem(a, [7, 6, 1]))
    for (got, want) in zip(x, [1.0, 2, 3]) { #expect(abs(got - want) < 1e-12) }
  }

  @Test("A singular matrix gives nil")
  func singular() {
    #expect(solveLinearSystem([1, 2, 2, 4], [1, 2]) == nil)
  }

  @Test("Random systems: the residual is tiny")
  func residual() throws {
    var g = SeededGenerator(seed: 3)
    let n = 40
    let a = (0..<(n * n)).map { _ in g.normal() }
    let b = (0..<n).map { _ in g.normal() }
    let x = try #require(solveLinearSystem(a, b))
    for r in 0..<n {
      var total = 0.0
      for c in 0..<n { total += a[r * n + c] * x[c] }
      #expect(abs(total - b[r]) < 1e-9)
    }
  }
}
