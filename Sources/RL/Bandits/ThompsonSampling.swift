/// Thompson sampling for Gaussian rewards with known noise variance (Thompson, "On the
/// Likelihood that One Unknown Probability Exceeds Another", 1933; Russo et al., "A Tutorial
/// on Thompson Sampling", 2018).
///
/// Each arm's mean has a normal posterior N(μₐ, 1/τₐ) (τ is the precision). Every step
/// draws one sample from each posterior and pulls the arm whose sample is largest, so arms
/// are tried in proportion to the belief that they are best.
public struct ThompsonSamplingAgent: BanditAgent {
  /// The posterior means μₐ.
  public private(set) var means: [Double]
  /// The posterior precisions τₐ.
  public private(set) var precisions: [Double]
  /// The reward noise variance assumed known.
  public let noiseVariance: Double
  var samples: [Double]

  /// Creates an agent with prior N(`priorMean`, `priorVariance`) on every arm's mean.
  public init(
    arms: Int, priorMean: Double = 0, priorVariance: Double = 1, noiseVariance: Double = 1
  ) {
    self.means = Array(repeating: priorMean, count: arms)
    self.precisions = Array(repeating: 1 / priorVariance, count: arms)
    self.noiseVariance = noiseVariance
    self.samples = Array(repeating: 0, count: arms)
  }

  /// Samples each arm's mean from its posterior and pulls the best sample.
  public mutating func selectArm(using generator: inout SeededGenerator) -> Int {
    for a in samples.indices {
      samples[a] = means[a] + generator.normal() / precisions[a].squareRoot()
    }
    return argmaxRandomTies(samples, using: &generator)
  }

  /// The conjugate normal update: precision grows by 1/σ², the mean moves accordingly.
  public mutating func update(arm: Int, reward: Double) {
    let observationPrecision = 1 / noiseVariance
    let precision = precisions[arm] + observationPrecision
    means[arm] = (precisions[arm] * means[arm] + observationPrecision * reward) / precision
    precisions[arm] = precision
  }
}
