/// GRPO's group-relative advantages (Shao et al., "DeepSeekMath", 2024) for the G rewards of
/// one prompt's samples: Âᵢ = (rᵢ − mean(r)) / (std(r) + ε), or Âᵢ = rᵢ − mean(r) when
/// `scaleByStandardDeviation` is false (as Dr. GRPO recommends: Liu et al., "Understanding
/// R1-Zero-Like Training: A Critical Perspective", 2025).
///
/// The standard deviation is the population one (divide by G). A group whose rewards are
/// all equal gets zero advantages: it carries no learning signal.
public func groupAdvantages(
  _ rewards: [Double], scaleByStandardDeviation: Bool = true, epsilon: Double = 1e-4
) -> [Double] {
  let m = mean(rewards)
  let scale = scaleByStandardDeviation ? 1 / (standardDeviation(rewards) + epsilon) : 1
  return rewards.map { ($0 - m) * scale }
}

/// How a token-level policy loss ℓ_{i,t} is averaged over a batch of N sampled responses
/// oᵢ with lengths |oᵢ|.
public enum LossAggregation: Sendable, Hashable {
  /// Mean over each sequence's tokens, then mean over sequences (the original GRPO):
  /// L = (1/N) Σᵢ (1/|oᵢ|) Σₜ ℓ_{i,t}. Tokens of short responses weigh more.
  case sequenceMeanThenBatchMean
  /// One mean over every token in the batch (DAPO; TRL's `loss_type="dapo"`/`"bnpo"`-style):
  /// L = (1 / Σᵢ|oᵢ|) Σᵢ Σₜ ℓ_{i,t}. Every token weighs the same.
  case tokenMean
  /// Dr. GRPO's constant normaliser: L = (1 / (N·L_max)) Σᵢ Σₜ ℓ_{i,t}, with L_max a fixed
  /// number (the generation budget), so no length enters the weights.
  case constantNormalizer(maxLength: Int)

  /// The weight wᵢ of each token of a response of length `length`, in a batch whose
  /// response lengths are `lengths`: the loss is Σᵢ Σₜ wᵢ·ℓ_{i,t}.
  public func tokenWeight(length: Int, lengths: [Int]) -> Double {
    switch self {
    case .sequenceMeanThenBatchMean: 1 / (Double(length) * Double(lengths.count))
    case .tokenMean: 1 / Double(lengths.reduce(0, +))
    case .constantNormalizer(let maxLength): 1 / (Double(maxLength) * Double(lengths.count))
    }
  }
}
