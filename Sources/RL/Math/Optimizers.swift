import Foundation

/// Adam (Kingma & Ba, "Adam: A Method for Stochastic Optimization", 2015) on a flat
/// parameter vector, with bias-corrected first and second moments.
public struct Adam: Sendable {
  /// The step size α (default 1e-3, as in the paper).
  public var learningRate: Double
  /// The decay of the first moment, β₁ (default 0.9).
  public var beta1: Double
  /// The decay of the second moment, β₂ (default 0.999).
  public var beta2: Double
  /// The constant added to the denominator, ε (default 1e-8).
  public var epsilon: Double
  @usableFromInline var m: [Double]
  @usableFromInline var v: [Double]
  @usableFromInline var t: Int = 0

  /// Creates Adam for `count` parameters.
  public init(
    count: Int, learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
    epsilon: Double = 1e-8
  ) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    m = [Double](repeating: 0, count: count)
    v = [Double](repeating: 0, count: count)
  }

  /// Takes one descent step on `parameters` along `gradient` (of a loss to minimise).
  ///
  /// - Complexity: O(n).
  @inlinable
  public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
    precondition(parameters.count == m.count && gradient.count == m.count, "size mismatch")
    t += 1
    let c1 = 1 - Foundation.pow(beta1, Double(t))
    let c2 = 1 - Foundation.pow(beta2, Double(t))
    for i in parameters.indices {
      let g = gradient[i]
      m[i] = beta1 * m[i] + (1 - beta1) * g
      v[i] = beta2 * v[i] + (1 - beta2) * g * g
      parameters[i] -= learningRate * (m[i] / c1) / ((v[i] / c2).squareRoot() + epsilon)
    }
  }
}
