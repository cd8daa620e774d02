import Foundation

/// Which surrogate PPO optimises.
public enum PPOObjective: Sendable, Hashable {
  /// The clipped surrogate, with the clip range ε of ``PPOConfiguration/clipRange`` (PPO-clip).
  case clip
  /// The surrogate −Â·r + β·KL(π_old ‖ π_new), with β adapted after every update towards a
  /// target KL (PPO-penalty).
  case adaptiveKLPenalty(targetKL: Double, initialBeta: Double)
}

/// Settings for ``trainPPO(configuration:using:make:)``. The defaults solve CartPole-v1.
public struct PPOConfiguration: Sendable {
  /// Environment steps in total, over all copies (default 100,000).
  public var totalSteps = 100_000
  /// Environment copies stepped together (default 4).
  public var environmentCount = 4
  /// Steps per copy in each rollout; the batch is `environmentCount · stepsPerRollout`
  /// (default 128).
  public var stepsPerRollout = 128
  /// Adam's step size at the start, for both networks (default 2.5·10⁻³).
  public var learningRate = 2.5e-3
  /// Whether the step size decays linearly to zero over training (default: yes).
  public var annealLearningRate = true
  /// The discount γ (default 0.99).
  public var discount = 0.99
  /// GAE's λ (default 0.95).
  public var gaeLambda = 0.95
  /// Passes over each rollout, CleanRL's `update_epochs` (default 4).
  public var epochs = 4
  /// Minibatches per pass (default 4).
  public var minibatchCount = 4
  /// The surrogate (default: clipped).
  public var objective = PPOObjective.clip
  /// ε of the clipped ratio, [1 − ε, 1 + ε] (default 0.2; used by the clipped objective).
  public var clipRange = 0.2
  /// Whether advantages are standardised within each minibatch (default: yes).
  public var normalizeAdvantages = true
  /// The clip range of the value loss around the rollout's values, or `nil` for the plain
  /// squared error (default 0.2).
  public var valueClipRange: Double? = 0.2
  /// The weight of the value loss (default 0.5).
  public var valueCoefficient = 0.5
  /// The weight of the entropy bonus (default 0: none).
  public var entropyCoefficient = 0.0
  /// The largest global gradient norm, both networks together (default 0.5).
  public var maxGradientNorm = 0.5
  /// Hidden widths of the policy and value networks, tanh (default two layers of 64).
  public var hidden = [64, 64]

  /// The defaults.
  public init() {}
}

/// Proximal Policy Optimization (Schulman et al., 2017) for discrete actions, in the shape of
/// CleanRL's `ppo.py`: collect a rollout from vectorised environments, compute GAE, then
/// run several epochs of minibatch Adam steps on the clipped (or KL-penalised) surrogate,
/// against log-probabilities that stay fixed at the rollout's values for the whole update.
///
/// - Complexity: O(totalSteps · epochs · network size).
public func trainPPO<E: DiscreteControlEnvironment>(
  configuration c: PPOConfiguration, using generator: inout SeededGenerator, make: () -> E
) -> PolicyGradientRun {
  var envs = VectorEnvironment(count: c.environmentCount, seed: generator.next(), make: make)
  let obsSize = E.observationSize
  var policy = CategoricalPolicy(
    observationSize: obsSize, actionCount: E.actionCount, hidden: c.hidden,
    using: &generator)
  var value = ValueNetwork(inputSize: obsSize, hidden: c.hidden, using: &generator)
  var policyAdam = Adam(
    count: policy.network.parameterCount, learningRate: c.learningRate, epsilon: 1e-5)
  var valueAdam = Adam(
    count: value.network.parameterCount, learningRate: c.learningRate, epsilon: 1e-5)
  let batchSize = c.environmentCount * c.stepsPerRollout
  let updateCount = c.totalSteps / batchSize
  var beta: Double = if case .adaptiveKLPenalty(_, let b) = c.objective { b } else { 0 }
  var run = PolicyGradientRun(policy: policy, value: value)

  for update in 0..<updateCount {
    // 1. Anneal the step size, then collect a rollout with the current policy.
    let fraction = c.annealLearningRate ? 1 - Double(update) / Double(updateCount) : 1
    policyAdam.learningRate = c.learningRate * fraction
    valueAdam.learningRate = c.learningRate * fraction
    var rollout = Rollout.collect(
      from: &envs, policy: policy, value: value, steps: c.stepsPerRollout,
      startStep: update * batchSize, using: &generator)
    rollout.computeAdvantages(discount: c.discount, gaeLambda: c.gaeLambda)
    run.episodes += rollout.finishedEpisodes
    let k = policy.actionCount
    let oldPolicies = (0..<batchSize).map {
      Categorical(logits: Array(rollout.logits[($0 * k)..<($0 * k + k)]))
    }

    // 2. Several epochs of minibatch steps. rollout.logProbabilities never changes here.
    var clipCount = 0
    forEachMinibatch(
      of: batchSize, minibatchCount: c.minibatchCount, epochs: c.epochs, using: &generator
    ) { epoch, idx in
      let m = idx.count
      let obs = rollout.observations(at: idx)
      var adv = idx.map { rollout.advantages[$0] }
      if c.normalizeAdvantages {
        let mu = mean(adv)
        let sd = standardDeviation(adv, unbiased: true)
        adv = adv.map { ($0 - mu) / (sd + 1e-8) }
      }

      // Policy loss: surrogate − entropy bonus, differentiated in the logits.
      let (dists, tape) = policy.distributions(obs, batch: m)
      var dLogits = [Double](repeating: 0, count: m * k)
      for j in 0..<m {
        let i = idx[j]
        let d = dists[j]
        let logRatio = d.logProbability(of: rollout.actions[i]) - rollout.logProbabilities[i]
        var dLogP: Double
        switch c.objective {
        case .clip:
          let s = clippedSurrogateLoss(
            logRatio: logRatio, advantage: adv[j], clipRange: c.clipRange)
          dLogP = s.dLogProbability
          if epoch == c.epochs - 1 && abs(exp(logRatio) - 1) > c.clipRange { clipCount += 1 }
        case .adaptiveKLPenalty:
          dLogP = -adv[j] * exp(logRatio)
        }
        let gLogP = d.logProbabilityGradient(of: rollout.actions[i])
        let gEntropy = d.entropyGradient
        for a in 0..<k {
          var g = dLogP * gLogP[a] - c.entropyCoefficient * gEntropy[a]
          if case .adaptiveKLPenalty = c.objective {
            g += beta * (d.probabilities[a] - oldPolicies[i].probabilities[a])
          }
          dLogits[j * k + a] = g / Double(m)
        }
      }
      var policyGradient = [Double](repeating: 0, count: policy.network.parameterCount)
      policy.network.backward(tape, outputGradient: dLogits, into: &policyGradient)

      // Value loss, optionally clipped around the rollout's values.
      let valueTape = value.network.forward(obs, batch: m)
      var dValues = [Double](repeating: 0, count: m)
      for j in 0..<m {
        let i = idx[j]
        let l = valueLoss(
          value: valueTape.output[j], oldValue: rollout.values[i], target: rollout.returns[i],
          clipRange: c.valueClipRange)
        dValues[j] = c.valueCoefficient * l.dValue / Double(m)
      }
      var valueGradient = [Double](repeating: 0, count: value.network.parameterCount)
      value.network.backward(valueTape, outputGradient: dValues, into: &valueGradient)

      // One global norm clip over both networks, then Adam.
      clipJointNorm(&policyGradient, &valueGradient, maxNorm: c.maxGradientNorm)
      policyAdam.step(&policy.network.parameters, gradient: policyGradient)
      valueAdam.step(&value.network.parameters, gradient: valueGradient)
    }

    // 3. Diagnostics on the whole rollout: approx-KL old → new, and β's adaptation.
    let (newDists, _) = policy.distributions(rollout.observations, batch: batchSize)
    let logRatios = (0..<batchSize).map {
      newDists[$0].logProbability(of: rollout.actions[$0]) - rollout.logProbabilities[$0]
    }
    let kl = approximateKL(logRatios: logRatios)
    run.updates.append(
      PolicyGradientUpdate(
        step: (update + 1) * batchSize, kl: kl, entropy: mean(oldPolicies.map(\.entropy)),
        clipFraction: Double(clipCount) / Double(batchSize), beta: beta))
    if case .adaptiveKLPenalty(let target, _) = c.objective {
      beta = adaptedPenaltyCoefficient(beta, measuredKL: kl, target: target)
    }
  }
  run.policy = policy
  run.value = value
  return run
}
