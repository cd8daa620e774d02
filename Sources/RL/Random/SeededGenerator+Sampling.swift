import Foundation

extension SeededGenerator {
  /// A uniform draw from [0, 1) with 53 random bits.
  @inlinable
  public mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform draw from [`low`, `high`).
  @inlinable
  public mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * uniform()
  }

  /// A uniform integer in `0..<n`, without modulo bias (Lemire's method).
  @inlinable
  public mutating func int(below n: Int) -> Int {
    precondition(n > 0, "int(below:) needs a positive bound")
    let bound = UInt64(n)
    var product = next().multipliedFullWidth(by: bound)
    if product.low < bound {
      let threshold = (0 &- bound) % bound
      while product.low < threshold {
        product = next().multipliedFullWidth(by: bound)
      }
    }
    return Int(product.high)
  }

  /// A standard normal draw, N(0, 1), by the Box–Muller transform.
  @inlinable
  public mutating func normal() -> Double {
    let u1 = 1 - uniform()  // in (0, 1], so the log is finite
    let u2 = uniform()
    return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
  }

  /// A normal draw with the given mean and standard deviation.
  @inlinable
  public mutating func normal(mean: Double, standardDeviation: Double) -> Double {
    mean + standardDeviation * normal()
  }

  /// `true` with probability `p`.
  @inlinable
  public mutating func bernoulli(_ p: Double) -> Bool {
    uniform() < p
  }

  /// An index drawn with the given (non-negative, summing to one) probabilities.
  ///
  /// - Complexity: O(n).
  @inlinable
  public mutating func categorical(_ probabilities: [Double]) -> Int {
    let u = uniform()
    var cumulative = 0.0
    for (i, p) in probabilities.enumerated() {
      cumulative += p
      if u < cumulative { return i }
    }
    // Rounding can leave the total a hair below one: fall back to the last likely index.
    return probabilities.lastIndex(where: { $0 > 0 }) ?? (probabilities.count - 1)
  }

  /// A Gamma(shape, 1) draw (Marsaglia & Tsang, 2000), used for Beta draws.
  public mutating func gamma(shape: Double) -> Double {
    precondition(shape > 0, "gamma needs a positive shape")
    if shape < 1 {
      return gamma(shape: shape + 1) * Foundation.pow(uniform(), 1 / shape)
    }
    let d = shape - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x: Double
      var v: Double
      repeat {
        x = normal()
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = uniform()
      if u < 1 - 0.0331 * x * x * x * x { return d * v }
      if Foundation.log(u) < 0.5 * x * x + d * (1 - v + Foundation.log(v)) { return d * v }
    }
  }

  /// A Beta(a, b) draw, from two Gamma draws.
  public mutating func beta(_ a: Double, _ b: Double) -> Double {
    let x = gamma(shape: a)
    let y = gamma(shape: b)
    return x / (x + y)
  }

  /// Shuffles `array` in place (Fisher–Yates), the same way on every platform.
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      let j = int(below: i + 1)
      array.swapAt(i, j)
    }
  }

  /// The integers `0..<n` in a random order.
  public mutating func permutation(_ n: Int) -> [Int] {
    var indices = Array(0..<n)
    shuffle(&indices)
    return indices
  }
}
