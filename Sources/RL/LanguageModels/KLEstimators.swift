import Foundation

/// Schulman's single-sample estimators of KL(π ‖ π_ref) ("Approximating KL Divergence",
/// http://joschu.net/blog/kl-approx.html, 2020).
///
/// Each takes `logRatio` = log r = log π_ref(x) − log π(x) for one sample x ~ π (the policy
/// being trained). Their means over x ~ π estimate KL(π ‖ π_ref) = E_π[log π − log π_ref]:
///
/// - k1 = −log r: unbiased, high variance, negative for about half the samples;
/// - k2 = ½ (log r)²: biased (it estimates a second-order approximation), low variance,
///   never negative;
/// - k3 = (r − 1) − log r: unbiased (because E_π[r] = 1) and never negative (log r ≤ r − 1).
public enum KLEstimator: String, Sendable, CaseIterable {
  /// k1 = −log r.
  case k1
  /// k2 = ½ (log r)².
  case k2
  /// k3 = (r − 1) − log r.
  case k3

  /// The estimate from one sample, given log r = log π_ref(x) − log π(x).
  @inlinable
  public func estimate(logRatio: Double) -> Double {
    switch self {
    case .k1: -logRatio
    case .k2: 0.5 * logRatio * logRatio
    case .k3: Foundation.expm1(logRatio) - logRatio
    }
  }

  /// d(estimate)/d(log π(x)), holding π_ref fixed (log r decreases one-for-one with log π).
  @inlinable
  public func derivativeWithRespectToLogPolicy(logRatio: Double) -> Double {
    switch self {
    case .k1: 1
    case .k2: -logRatio
    case .k3: 1 - Foundation.exp(logRatio)
    }
  }
}

/// The exact KL(p ‖ q) = Σ pᵢ log(pᵢ / qᵢ) between two categorical distributions (terms
/// with pᵢ = 0 count as 0).
public func klDivergence(_ p: [Double], _ q: [Double]) -> Double {
  precondition(p.count == q.count, "distributions over different supports")
  var total = 0.0
  for i in p.indices where p[i] > 0 { total += p[i] * Foundation.log(p[i] / q[i]) }
  return total
}

/// The closed-form KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) = log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½.
public func gaussianKLDivergence(
  mean1: Double, standardDeviation1: Double, mean2: Double, standardDeviation2: Double
) -> Double {
  let s1 = standardDeviation1
  let s2 = standardDeviation2
  let dm = mean1 - mean2
  return Foundation.log(s2 / s1) + (s1 * s1 + dm * dm) / (2 * s2 * s2) - 0.5
}
