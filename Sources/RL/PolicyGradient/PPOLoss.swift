import Foundation

/// PPO's clipped surrogate for one sample, as a loss to minimise (Schulman et al., "Proximal
/// Policy Optimization Algorithms", 2017, eq. 7):
/// L = max(−Â·r, −Â·clip(r, 1 − ε, 1 + ε)) with r = π_new(a|s) / π_old(a|s) = exp(`logRatio`).
///
/// The `max` of the negated terms is the paper's `min` of the objectives: it takes the more
/// pessimistic of the two. When the clipped term wins and r is outside [1 − ε, 1 + ε], the
/// loss is flat in r and the sample gives no gradient.
///
/// - Returns: the loss, its derivative in log π_new(a|s) (which is r·∂L/∂r), and whether the
///   clip removed the gradient.
@inlinable
public func clippedSurrogateLoss(logRatio: Double, advantage: Double, clipRange epsilon: Double)
  -> (loss: Double, dLogProbability: Double, clipped: Bool)
{
  let r = Foundation.exp(logRatio)
  let unclipped = -advantage * r
  let clipped = -advantage * min(max(r, 1 - epsilon), 1 + epsilon)
  if unclipped >= clipped { return (unclipped, -advantage * r, false) }
  return (clipped, 0, true)
}

/// The value loss ½·(V − target)², or PPO2's clipped version
/// ½·max((V − R)², (V_old + clip(V − V_old, −ε, ε) − R)²) when a clip range ε is given.
///
/// - Returns: the loss and its derivative in V.
@inlinable
public func valueLoss(
  value v: Double, oldValue: Double, target: Double, clipRange epsilon: Double?
) -> (loss: Double, dValue: Double) {
  let plain = 0.5 * (v - target) * (v - target)
  guard let epsilon else { return (plain, v - target) }
  let d = v - oldValue
  let clippedValue = oldValue + min(max(d, -epsilon), epsilon)
  let clippedLoss = 0.5 * (clippedValue - target) * (clippedValue - target)
  if plain >= clippedLoss { return (plain, v - target) }
  // The clipped branch moves with V only while V is inside the clip range.
  return (clippedLoss, abs(d) < epsilon ? clippedValue - target : 0)
}

/// The approx-KL diagnostic that CleanRL logs: the mean of (r − 1) − log r, an unbiased,
/// always non-negative estimate of KL(π_old ‖ π_new) from samples of π_old (Schulman,
/// "Approximating KL Divergence", http://joschu.net/blog/kl-approx.html).
@inlinable
public func approximateKL(logRatios: [Double]) -> Double {
  guard !logRatios.isEmpty else { return 0 }
  var total = 0.0
  for l in logRatios { total += (Foundation.exp(l) - 1) - l }
  return total / Double(logRatios.count)
}

/// The PPO paper's adaptive penalty coefficient (section 4): after an update whose
/// measured KL is d, halve β if d < d_targ / 1.5 and double it if d > 1.5 · d_targ.
@inlinable
public func adaptedPenaltyCoefficient(_ beta: Double, measuredKL d: Double, target: Double)
  -> Double
{
  if d < target / 1.5 { return beta / 2 }
  if d > target * 1.5 { return beta * 2 }
  return beta
}
