/// One sampled response with everything a policy-gradient update needs about it.
public struct PolicyRollout: Sendable {
  /// The prompt and sampled response.
  public var sequence: TrainingSequence
  /// The sequence-level score (verifier or reward model).
  public var reward: Double
  /// Per-token advantages Âₜ, indexed like the tokens (prompt entries are ignored). GRPO
  /// broadcasts one number to every response token; RLHF-PPO uses GAE.
  public var advantages: [Double]
  /// log π_old(tokenₜ), from the policy that sampled (entry t for token t).
  public var oldLogProbs: [Double]
  /// log π_ref(tokenₜ), from the frozen reference model.
  public var referenceLogProbs: [Double]

  /// Creates a rollout.
  public init(
    sequence: TrainingSequence, reward: Double, advantages: [Double], oldLogProbs: [Double],
    referenceLogProbs: [Double]
  ) {
    self.sequence = sequence
    self.reward = reward
    self.advantages = advantages
    self.oldLogProbs = oldLogProbs
    self.referenceLogProbs = referenceLogProbs
  }

  /// The number of response tokens |o|.
  public var responseLength: Int { sequence.tokens.count - sequence.responseStart }
}

/// Summary numbers of one clipped policy-loss evaluation.
public struct ClippedLossStatistics: Sendable {
  /// The mean k3 estimate of KL(π ‖ π_ref) per response token.
  public var meanKL: Double
  /// The fraction of response tokens whose ratio was clipped (no gradient).
  public var clipFraction: Double
}

/// The clipped surrogate loss of PPO/GRPO for a batch of rollouts, with an optional k3
/// KL-to-reference term, and its exact gradient.
///
/// Per response token, with ρ = π(oₜ)/π_old(oₜ) and log r = log π_ref(oₜ) − log π(oₜ):
///
/// ℓₜ = −min(ρ·Âₜ, clip(ρ, 1 − ε, 1 + ε)·Âₜ) + β·[(r − 1) − log r]
///
/// and the loss is Σᵢ Σₜ wᵢ·ℓ_{i,t} with the weights of `aggregation`. The gradient of ℓₜ
/// with respect to log π(oₜ) is −ρ·Âₜ where the clip is inactive (0 where it binds), plus
/// β·(1 − r) from k3.
///
/// - Complexity: one forward and one backward pass over all the rollouts, packed.
public func clippedPolicyLoss(
  policy: TinyLM, rollouts: [PolicyRollout], clipRange: Double, klCoefficient: Double,
  aggregation: LossAggregation, workspace ws: TinyLMWorkspace
) -> (loss: Double, gradient: [Double], statistics: ClippedLossStatistics) {
  var gradient = [Double](repeating: 0, count: policy.parameterCount)
  let starts = policy.forward(batch: rollouts.map(\.sequence.tokens), workspace: ws)
  var coefficients = [Double](repeating: 0, count: starts.last!)
  let lengths = rollouts.map(\.responseLength)
  var loss = 0.0
  var klTotal = 0.0
  var clipped = 0
  var tokens = 0
  for (i, rollout) in rollouts.enumerated() {
    let sequence = rollout.sequence.tokens
    let weight = aggregation.tokenWeight(length: lengths[i], lengths: lengths)
    let row = starts[i]
    for t in rollout.sequence.responseStart..<sequence.count {
      let logProb = ws.logProbability(of: sequence[t], at: row + t - 1)
      let ratio = (logProb - rollout.oldLogProbs[t]).exp
      let advantage = rollout.advantages[t]
      let clippedRatio = min(max(ratio, 1 - clipRange), 1 + clipRange)
      let surrogate = min(ratio * advantage, clippedRatio * advantage)
      let binds =
        (advantage >= 0 && ratio > 1 + clipRange) || (advantage < 0 && ratio < 1 - clipRange)
      let logRatio = rollout.referenceLogProbs[t] - logProb
      let kl = KLEstimator.k3.estimate(logRatio: logRatio)
      loss += weight * (-surrogate + klCoefficient * kl)
      var g = klCoefficient * KLEstimator.k3.derivativeWithRespectToLogPolicy(logRatio: logRatio)
      if binds { clipped += 1 } else { g -= ratio * advantage }
      coefficients[row + t] = weight * g
      klTotal += kl
      tokens += 1
    }
  }
  policy.backwardRows(
    logProbGradient: coefficients, scalarGradient: nil, into: &gradient, workspace: ws)
  let n = Double(max(tokens, 1))
  return (
    loss, gradient, ClippedLossStatistics(meanKL: klTotal / n, clipFraction: Double(clipped) / n)
  )
}
