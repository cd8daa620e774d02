/// The settings of a GRPO run (names follow TRL's `GRPOConfig` where one exists).
public struct GRPOConfiguration: Sendable {
  /// G, the samples per prompt (TRL `num_generations`, verl `rollout.n`; default 8).
  public var groupSize = 8
  /// Prompts per update; the batch holds `promptsPerStep × groupSize` responses (default 16).
  public var promptsPerStep = 16
  /// ε of the clipped ratio (TRL `epsilon`, verl `clip_ratio`; default 0.2).
  public var clipRange = 0.2
  /// β, the weight of the k3 KL-to-reference term in the loss (TRL `beta`; default 0.04).
  public var klCoefficient = 0.04
  /// Whether advantages are divided by the group's standard deviation (TRL `scale_rewards`;
  /// default: yes).
  public var scaleRewardsByStandardDeviation = true
  /// How token losses are averaged (TRL `loss_type`; default: per-sequence mean, then the
  /// batch mean).
  public var aggregation = LossAggregation.sequenceMeanThenBatchMean
  /// Adam's step size (default 2·10⁻³).
  public var learningRate = 2e-3
  /// Passes over each batch, μ (TRL `num_iterations`, verl `ppo_epochs`; default 1). With
  /// μ = 1 and one minibatch the ratio is always 1 and the clip never binds.
  public var epochs = 1
  /// Minibatches per pass (default 1: one step on the whole batch per epoch).
  public var minibatchCount = 1
  /// The sampling temperature (default 1).
  public var temperature = 1.0
  /// The generation budget in tokens (default: the addition task's longest answer).
  public var maxNewTokens = AdditionTask.maxResponseTokens
  /// The gradient-norm clip (default 1).
  public var maxGradientNorm = 1.0

  /// The default settings.
  public init() {}
}

/// What one GRPO step saw and did.
public struct GRPOStepStatistics: Sendable {
  /// The mean reward of the sampled responses.
  public var meanReward: Double
  /// The mean k3 KL to the reference per response token, before the update (the mean over
  /// the first epoch's minibatches).
  public var meanKL: Double
  /// The fraction of groups whose rewards were all equal (zero advantage: no signal).
  public var degenerateGroupFraction: Double
  /// The mean response length in tokens.
  public var meanResponseLength: Double
}

/// Group Relative Policy Optimization: no critic; each prompt's G samples are scored, and
/// each sample's advantage is its reward relative to its own group, broadcast to all of its
/// tokens. The update minimises
/// ``clippedPolicyLoss(policy:rollouts:clipRange:klCoefficient:aggregation:workspace:)``.
public struct GRPOTrainer {
  /// The model being trained (the actor).
  public var policy: TinyLM
  /// The frozen reference model that the KL term pulls toward.
  public let reference: TinyLM
  /// The settings.
  public var configuration: GRPOConfiguration
  var optimizer: Adam
  let workspace: TinyLMWorkspace

  /// Starts from `policy`, which also becomes the reference.
  public init(policy: TinyLM, configuration: GRPOConfiguration) {
    self.policy = policy
    reference = policy
    self.configuration = configuration
    optimizer = Adam(count: policy.parameterCount, learningRate: configuration.learningRate)
    workspace = TinyLMWorkspace(config: policy.config)
  }

  /// Samples a group per prompt, scores it with `reward(promptIndex, sequence)`, and takes
  /// `epochs` passes of minibatch steps over the batch.
  ///
  /// - Complexity: G·prompts sampled sequences, one reference pass each, and μ forward and
  ///   backward passes each.
  public mutating func step(
    prompts: [[Int]], reward: (Int, [Int]) -> Double, using generator: inout SeededGenerator
  ) -> GRPOStepStatistics {
    let c = configuration
    var rollouts = [PolicyRollout]()
    rollouts.reserveCapacity(prompts.count * c.groupSize)
    var degenerate = 0
    var rewardTotal = 0.0
    for (index, prompt) in prompts.enumerated() {
      let group = policy.generate(
        prompt: prompt, samples: c.groupSize, maxNewTokens: c.maxNewTokens,
        temperature: c.temperature, using: &generator, workspace: workspace)
      let rewards = group.map { reward(index, $0.tokens) }
      rewardTotal += rewards.reduce(0, +)
      if rewards.allSatisfy({ $0 == rewards[0] }) { degenerate += 1 }
      let advantages = groupAdvantages(
        rewards, scaleByStandardDeviation: c.scaleRewardsByStandardDeviation)
      for (sample, (r, advantage)) in zip(group, zip(rewards, advantages)) {
        let sequence = sample.tokens
        let old = sample.logProbabilities
        let ref = reference.tokenLogProbabilities(of: sequence, workspace: workspace)
        rollouts.append(
          PolicyRollout(
            sequence: TrainingSequence(tokens: sequence, responseStart: prompt.count), reward: r,
            advantages: [Double](repeating: advantage, count: sequence.count),
            oldLogProbs: old, referenceLogProbs: ref))
      }
    }
    var firstKLs = [Double]()
    forEachMinibatch(
      of: rollouts.count, minibatchCount: c.minibatchCount, epochs: c.epochs, using: &generator
    ) { epoch, idx in
      var (_, gradient, stats) = clippedPolicyLoss(
        policy: policy, rollouts: idx.map { rollouts[$0] }, clipRange: c.clipRange,
        klCoefficient: c.klCoefficient, aggregation: c.aggregation, workspace: workspace)
      if epoch == 0 { firstKLs.append(stats.meanKL) }
      clipGradientNorm(&gradient, maxNorm: c.maxGradientNorm)
      optimizer.step(&policy.parameters, gradient: gradient)
    }
    let n = Double(rollouts.count)
    return GRPOStepStatistics(
      meanReward: rewardTotal / n, meanKL: mean(firstKLs),
      degenerateGroupFraction: Double(degenerate) / Double(prompts.count),
      meanResponseLength: Double(rollouts.reduce(0) { $0 + $1.responseLength }) / n)
  }
}
