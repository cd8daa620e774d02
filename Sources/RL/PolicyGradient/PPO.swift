import Foundation

/// Which surrogate PPO optimises.
public enum PPOObjective: Sendable, Hashable {
  /// The clipped surrogate with clip range ε (PPO-clip).
  case clip(epsilon: Double)
  /// The surrogate −Â·r + β·KL(π_old ‖ π_new), with β adapted after every update towards a
  /// target KL (PPO-penalty).
  case adaptiveKLPenalty(targetKL: Double, initialBeta: Double)
}

/// Settings for ``trainPPO(configuration:seed:make:)``. The defaults solve CartPole-v1.
public struct PPOConfiguration: Sendable {
  /// Environment steps in total, over all copies.
  public var totalSteps = 100_000
  /// Environment copies stepped together.
  public var environmentCount = 4
  /// Steps per copy in each rollout (the batch is `environmentCount · stepsPerRollout`).
  public var stepsPerRollout = 128
  /// Adam's step size at the start.
  public var learningRate = 2.5e-3
  /// Whether the step size decays linearly to zero over training.
  public var annealLearningRate = true
  /// The discount γ.
  public var gamma = 0.99
  /// GAE's λ.
  public var lambda = 0.95
  /// Passes over each rollout ("ppo_epochs").
  public var epochs = 4
  /// Minibatches per pass.
  public var minibatchCount = 4
  /// The surrogate: clipped (default ε = 0.2) or adaptive KL penalty.
  public var objective = PPOObjective.clip(epsilon: 0.2)
  /// Whether advantages are standardised within each minibatch.
  public var normalizeAdvantages = true
  /// The clip range for the value loss, or `nil` for the plain squared error.
  public var valueClip: Double? = 0.2
  /// The weight of the value loss.
  public var valueCoefficient = 0.5
  /// The weight of the entropy bonus.
  public var entropyCoefficient = 0.0
  /// The largest global gradient norm (both networks together).
  public var maxGradientNorm = 0.5
  /// Hidden widths of the policy and value networks (tanh).
  public var hidden = [64, 64]

  /// The defaults.
  public init() {}
}

/// What happened in one PPO update (one rollout, several epochs).
public struct PPOUpdateLog: Sendable {
  /// Environment steps so far.
  public var step: Int
  /// The approx-KL between the policy before and after the update, on the rollout's data.
  public var approximateKL: Double
  /// The fraction of samples with |r − 1| > ε in the last epoch (clip variant).
  public var clipFraction: Double
  /// The mean policy entropy on the rollout, before the update.
  public var entropy: Double
  /// The penalty coefficient β used in this update (penalty variant; 0 otherwise).
  public var beta: Double
}

/// The result of a PPO run.
public struct PPOResult: Sendable {
  /// The trained policy.
  public var policy: CategoricalPolicy
  /// The trained value network.
  public var value: ValueNetwork
  /// (environment step, return) for every training episode that finished.
  public var episodes: [(step: Int, return: Double)]
  /// One entry per update.
  public var updates: [PPOUpdateLog]
}

/// Proximal Policy Optimization (Schulman et al., 2017) for discrete actions, in the shape of
/// CleanRL's `ppo.py`: collect a rollout from vectorised environments, compute GAE, then
/// run several epochs of minibatch Adam steps on the clipped (or KL-penalised) surrogate,
/// against log-probabilities that stay fixed at the rollout's values for the whole update.
///
/// - Complexity: O(totalSteps · epochs · network size).
public func trainPPO<E: DiscreteControlEnvironment>(
  configuration c: PPOConfiguration, seed: UInt64, make: () -> E
) -> PPOResult {
  var generator = SeededGenerator(seed: seed)
  var envs = VectorEnvironment(count: c.environmentCount, seed: generator.next(), make: make)
  let obsSize = E.observationSize
  var policy = CategoricalPolicy(
    observationSize: obsSize, actionCount: E.actionCount, hidden: c.hidden,
    generator: &generator)
  var value = ValueNetwork(inputSize: obsSize, hidden: c.hidden, generator: &generator)
  var policyAdam = Adam(
    count: policy.network.parameterCount, learningRate: c.learningRate, epsilon: 1e-5)
  var valueAdam = Adam(
    count: value.network.parameterCount, learningRate: c.learningRate, epsilon: 1e-5)
  let batchSize = c.environmentCount * c.stepsPerRollout
  let minibatchSize = batchSize / c.minibatchCount
  let updateCount = c.totalSteps / batchSize
  var beta: Double = if case .adaptiveKLPenalty(_, let b) = c.objective { b } else { 0 }
  var result = PPOResult(policy: policy, value: value, episodes: [], updates: [])

  for update in 0..<updateCount {
    // 1. Anneal the step size, then collect a rollout with the current policy.
    let fraction = c.annealLearningRate ? 1 - Double(update) / Double(updateCount) : 1
    policyAdam.learningRate = c.learningRate * fraction
    valueAdam.learningRate = c.learningRate * fraction
    var rollout = Rollout.collect(
      from: &envs, policy: policy, value: value, steps: c.stepsPerRollout,
      startStep: update * batchSize, generator: &generator)
    rollout.computeAdvantages(gamma: c.gamma, lambda: c.lambda)
    result.episodes += rollout.finishedEpisodes
    let k = policy.actionCount
    let oldPolicies = (0..<batchSize).map {
      Categorical(logits: Array(rollout.logits[($0 * k)..<($0 * k + k)]))
    }

    // 2. Several epochs of minibatch steps. rollout.logProbabilities never changes here.
    var clipCount = 0
    for _ in 0..<c.epochs {
      let order = generator.permutation(batchSize)
      clipCount = 0
      for start in stride(from: 0, to: batchSize, by: minibatchSize) {
        let idx = Array(order[start..<min(start + minibatchSize, batchSize)])
        let m = idx.count
        var obs = [Double]()
        obs.reserveCapacity(m * obsSize)
        for i in idx { obs += rollout.observations[(i * obsSize)..<((i + 1) * obsSize)] }
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
          case .clip(let epsilon):
            let s = clippedSurrogateLoss(logRatio: logRatio, advantage: adv[j], epsilon: epsilon)
            dLogP = s.dLogProbability
            if abs(exp(logRatio) - 1) > epsilon { clipCount += 1 }
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
            epsilon: c.valueClip)
          dValues[j] = c.valueCoefficient * l.dValue / Double(m)
        }
        var valueGradient = [Double](repeating: 0, count: value.network.parameterCount)
        value.network.backward(valueTape, outputGradient: dValues, into: &valueGradient)

        // One global norm clip over both networks, then Adam.
        clipJointNorm(&policyGradient, &valueGradient, maxNorm: c.maxGradientNorm)
        policyAdam.step(&policy.network.parameters, gradient: policyGradient)
        valueAdam.step(&value.network.parameters, gradient: valueGradient)
      }
    }

    // 3. Diagnostics on the whole rollout: approx-KL old → new, and β's adaptation.
    let (newDists, _) = policy.distributions(rollout.observations, batch: batchSize)
    let logRatios = (0..<batchSize).map {
      newDists[$0].logProbability(of: rollout.actions[$0]) - rollout.logProbabilities[$0]
    }
    let kl = approximateKL(logRatios: logRatios)
    result.updates.append(
      PPOUpdateLog(
        step: (update + 1) * batchSize, approximateKL: kl,
        clipFraction: Double(clipCount) / Double(batchSize),
        entropy: mean(oldPolicies.map(\.entropy)), beta: beta))
    if case .adaptiveKLPenalty(let target, _) = c.objective {
      beta = adaptedPenaltyCoefficient(beta, measuredKL: kl, target: target)
    }
  }
  result.policy = policy
  result.value = value
  return result
}

/// Scales two gradients together so their joint Euclidean norm is at most `maxNorm`.
@usableFromInline
func clipJointNorm(_ a: inout [Double], _ b: inout [Double], maxNorm: Double) {
  var total = 0.0
  for x in a { total += x * x }
  for x in b { total += x * x }
  let norm = total.squareRoot()
  guard norm > maxNorm else { return }
  let scale = maxNorm / norm
  for i in a.indices { a[i] *= scale }
  for i in b.indices { b[i] *= scale }
}
