import Foundation

/// A Gaussian with independent coordinates, N(μ, diag σ²), parameterised by the mean μ and
/// log σ: the policy head for continuous actions.
public struct DiagonalGaussian: Sendable {
  /// The mean μ.
  public let mean: [Double]
  /// log σ for each coordinate.
  public let logStandardDeviation: [Double]

  /// Creates N(`mean`, diag exp(2·`logStandardDeviation`)).
  @inlinable
  public init(mean: [Double], logStandardDeviation: [Double]) {
    precondition(mean.count == logStandardDeviation.count, "one log σ per coordinate")
    self.mean = mean
    self.logStandardDeviation = logStandardDeviation
  }

  /// The dimension.
  @inlinable
  public var count: Int { mean.count }

  /// Draws x = μ + σ·ε with ε ~ N(0, I).
  @inlinable
  public func sample(using generator: inout SeededGenerator) -> [Double] {
    (0..<count).map { mean[$0] + Foundation.exp(logStandardDeviation[$0]) * generator.normal() }
  }

  /// log N(x; μ, σ²) = Σᵢ −(xᵢ − μᵢ)²/(2σᵢ²) − log σᵢ − ½ log 2π.
  @inlinable
  public func logProbability(of x: [Double]) -> Double {
    var total = 0.0
    for i in 0..<count {
      let z = (x[i] - mean[i]) * Foundation.exp(-logStandardDeviation[i])
      total += -0.5 * z * z - logStandardDeviation[i] - 0.5 * Foundation.log(2 * Double.pi)
    }
    return total
  }

  /// The gradients of ``logProbability(of:)``: ∂/∂μᵢ = (xᵢ − μᵢ)/σᵢ² and
  /// ∂/∂log σᵢ = (xᵢ − μᵢ)²/σᵢ² − 1.
  @inlinable
  public func logProbabilityGradient(of x: [Double]) -> (
    mean: [Double], logStandardDeviation: [Double]
  ) {
    var gMean = [Double](repeating: 0, count: count)
    var gLogStd = [Double](repeating: 0, count: count)
    for i in 0..<count {
      let inverseVariance = Foundation.exp(-2 * logStandardDeviation[i])
      let d = x[i] - mean[i]
      gMean[i] = d * inverseVariance
      gLogStd[i] = d * d * inverseVariance - 1
    }
    return (gMean, gLogStd)
  }

  /// The entropy Σᵢ (log σᵢ + ½ log 2πe), in nats. Its gradient in each log σᵢ is 1.
  @inlinable
  public var entropy: Double {
    var total = 0.0
    for s in logStandardDeviation { total += s + 0.5 * Foundation.log(2 * Double.pi * M_E) }
    return total
  }

  /// KL(self ‖ `other`) = Σᵢ log(σ'ᵢ/σᵢ) + (σᵢ² + (μᵢ − μ'ᵢ)²)/(2σ'ᵢ²) − ½.
  @inlinable
  public func klDivergence(to other: DiagonalGaussian) -> Double {
    var total = 0.0
    for i in 0..<count {
      let v = Foundation.exp(2 * logStandardDeviation[i])
      let vOther = Foundation.exp(2 * other.logStandardDeviation[i])
      let d = mean[i] - other.mean[i]
      total +=
        other.logStandardDeviation[i] - logStandardDeviation[i] + (v + d * d) / (2 * vOther) - 0.5
    }
    return total
  }
}
