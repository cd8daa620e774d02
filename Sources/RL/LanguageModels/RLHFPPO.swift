import Foundation

/// The settings of an RLHF run with PPO (names follow verl/OpenRLHF where one exists).
public struct RLHFConfiguration: Sendable {
  /// β, the weight of the per-token KL penalty in the reward (verl `algorithm.kl_ctrl.kl_coef`,
  /// OpenRLHF `--init_kl_coef`; default 0.1).
  public var klCoefficient = 0.1
  /// Responses sampled per update (default 64).
  public var batchSize = 64
  /// Passes over each batch (verl `ppo_epochs`, OpenRLHF `--max_epochs`; default 4).
  public var epochs = 4
  /// Minibatches per pass (default 1: one step of each model on the whole batch per epoch).
  public var minibatchCount = 1
  /// ε of the clipped ratio (verl `clip_ratio`; default 0.2).
  public var clipRange = 0.2
  /// The discount γ of GAE over tokens (verl `algorithm.gamma`; default 1: no discount).
  public var discount = 1.0
  /// λ of GAE over tokens (verl `algorithm.lam`; default 0.95).
  public var gaeLambda = 0.95
  /// The actor's Adam step size (default 2·10⁻³).
  public var policyLearningRate = 2e-3
  /// The critic's Adam step size (default 3·10⁻³).
  public var valueLearningRate = 3e-3
  /// The generation budget in tokens (default: the addition task's longest answer).
  public var maxNewTokens = AdditionTask.maxResponseTokens
  /// The gradient-norm clip, applied to each model's gradient separately (default 1).
  public var maxGradientNorm = 1.0

  /// The default settings.
  public init() {}
}

/// What one RLHF-PPO step saw.
public struct RLHFStepStatistics: Sendable {
  /// The mean reward-model score of the sampled responses.
  public var meanScore: Double
  /// The mean sequence KL(actor ‖ reference), Σₜ (log π − log π_ref) over the response (k1).
  public var meanKL: Double
  /// The mean return: score − β·KL.
  public var meanReturn: Double
  /// The fraction of sampled responses that are exactly right (the true task metric, which
  /// the trainer never sees).
  public var trueAccuracy: Double
  /// The critic's loss before its update (the mean over the first epoch's minibatches).
  public var valueLoss: Double
}

/// RLHF with PPO and its four models: the actor (trained policy), the critic (a value head
/// on its own copy of the network), the frozen reference, and the frozen reward model.
///
/// Per response token t (the last one is T), the reward is
/// rₜ = −β·(log π(oₜ) − log π_ref(oₜ)) + [t = T]·score, advantages come from GAE over the
/// response tokens with V(sₜ) read from the critic at the position before oₜ, and the actor
/// minimises the clipped loss (token mean, no KL term: it is in the reward) while the critic
/// regresses on the GAE returns.
public struct RLHFTrainer {
  /// The policy being trained.
  public var actor: TinyLM
  /// The value model; its scalar head at position t − 1 estimates the return from token t.
  public var critic: TinyLM
  /// The frozen SFT model.
  public let reference: TinyLM
  /// The frozen reward model (scalar head at the last token).
  public let rewardModel: TinyLM
  /// The settings.
  public var configuration: RLHFConfiguration
  var actorOptimizer: Adam
  var criticOptimizer: Adam
  let workspace: TinyLMWorkspace

  /// Starts the actor and the reference at `policy`, and the critic at the reward model.
  public init(policy: TinyLM, rewardModel: TinyLM, configuration: RLHFConfiguration) {
    actor = policy
    reference = policy
    critic = rewardModel
    self.rewardModel = rewardModel
    self.configuration = configuration
    actorOptimizer = Adam(
      count: policy.parameterCount, learningRate: configuration.policyLearningRate)
    criticOptimizer = Adam(
      count: rewardModel.parameterCount, learningRate: configuration.valueLearningRate)
    workspace = TinyLMWorkspace(config: policy.config)
  }

  /// Samples one response per prompt, scores it, computes token rewards and GAE, and runs
  /// `epochs` passes of minibatch actor and critic updates. `isCorrect` only feeds the statistics.
  public mutating func step(
    prompts: [[Int]], isCorrect: (Int, [Int]) -> Bool, using generator: inout SeededGenerator
  ) -> RLHFStepStatistics {
    let c = configuration
    let ws = workspace
    var rollouts = [PolicyRollout]()
    var targets = [[Double]]()
    var scoreTotal = 0.0
    var klTotal = 0.0
    var returnTotal = 0.0
    var right = 0.0
    for (index, prompt) in prompts.enumerated() {
      let tokens = actor.generate(
        prompt: prompt, maxNewTokens: c.maxNewTokens, using: &generator, workspace: ws)
      let old = ws.tokenLogProbabilities()  // sampling left the forward pass in `ws`
      if isCorrect(index, tokens) { right += 1 }
      let ref = reference.tokenLogProbabilities(of: tokens, workspace: ws)
      let score = rewardModel.score(tokens, workspace: ws)
      critic.forward(tokens: tokens, count: tokens.count, workspace: ws)
      let start = prompt.count
      let steps = tokens.count - start
      var rewards = [Double](repeating: 0, count: steps)
      var values = [Double](repeating: 0, count: steps)
      // region token-reward
      var kl = 0.0
      for i in 0..<steps {
        let t = start + i
        let logRatio = old[t] - ref[t]
        kl += logRatio
        rewards[i] = -c.klCoefficient * logRatio + (i == steps - 1 ? score : 0)
        values[i] = ws.scalarOutput(at: t - 1)
      }
      // endregion
      let nextValues = (0..<steps).map { $0 + 1 < steps ? values[$0 + 1] : 0 }
      let terminated = (0..<steps).map { $0 == steps - 1 }
      let (advantages, returns) = generalizedAdvantageEstimates(
        rewards: rewards, values: values, nextValues: nextValues, terminated: terminated,
        truncated: [Bool](repeating: false, count: steps), discount: c.discount,
        lambda: c.gaeLambda)
      var fullAdvantages = [Double](repeating: 0, count: tokens.count)
      var fullTargets = [Double](repeating: 0, count: tokens.count)
      for i in 0..<steps {
        fullAdvantages[start + i] = advantages[i]
        fullTargets[start + i] = returns[i]
      }
      rollouts.append(
        PolicyRollout(
          sequence: TrainingSequence(tokens: tokens, responseStart: start), reward: score,
          advantages: fullAdvantages, oldLogProbs: old, referenceLogProbs: ref))
      targets.append(fullTargets)
      scoreTotal += score
      klTotal += kl
      returnTotal += score - c.klCoefficient * kl
    }
    whitenAdvantages(&rollouts)
    var firstValueLosses = [Double]()
    forEachMinibatch(
      of: rollouts.count, minibatchCount: c.minibatchCount, epochs: c.epochs, using: &generator
    ) { epoch, idx in
      let batch = idx.map { rollouts[$0] }
      var (_, actorGradient, _) = clippedPolicyLoss(
        policy: actor, rollouts: batch, clipRange: c.clipRange, klCoefficient: 0,
        aggregation: .tokenMean, workspace: ws)
      clipGradientNorm(&actorGradient, maxNorm: c.maxGradientNorm)
      actorOptimizer.step(&actor.parameters, gradient: actorGradient)
      var (valueLoss, criticGradient) = valueRegressionLoss(
        critic: critic, rollouts: batch, targets: idx.map { targets[$0] }, workspace: ws)
      if epoch == 0 { firstValueLosses.append(valueLoss) }
      clipGradientNorm(&criticGradient, maxNorm: c.maxGradientNorm)
      criticOptimizer.step(&critic.parameters, gradient: criticGradient)
    }
    let n = Double(prompts.count)
    return RLHFStepStatistics(
      meanScore: scoreTotal / n, meanKL: klTotal / n, meanReturn: returnTotal / n,
      trueAccuracy: right / n, valueLoss: mean(firstValueLosses))
  }
}

/// Normalises the response-token advantages of a batch to mean 0 and standard deviation 1.
func whitenAdvantages(_ rollouts: inout [PolicyRollout]) {
  var all = [Double]()
  for r in rollouts { all += r.advantages[r.sequence.responseStart...] }
  let m = mean(all)
  let s = standardDeviation(all) + 1e-8
  for i in rollouts.indices {
    for t in rollouts[i].sequence.responseStart..<rollouts[i].sequence.tokens.count {
      rollouts[i].advantages[t] = (rollouts[i].advantages[t] - m) / s
    }
  }
}
