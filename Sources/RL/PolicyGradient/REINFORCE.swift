/// Settings for ``trainREINFORCE(configuration:using:make:)``.
public struct REINFORCEConfiguration: Sendable {
  /// The number of training episodes, one update each (default 500).
  public var episodes = 500
  /// The policy's Adam step size (default 10⁻²).
  public var policyLearningRate = 1e-2
  /// The baseline's Adam step size (default 10⁻²).
  public var valueLearningRate = 1e-2
  /// The discount γ (default 0.99).
  public var discount = 0.99
  /// Whether to subtract a learned baseline V(s) from the return (default: yes).
  public var useBaseline = true
  /// Hidden widths of the policy and baseline networks (default one layer of 32; empty: a
  /// linear policy).
  public var hidden = [32]

  /// The defaults.
  public init() {}
}

/// The REINFORCE estimate of ∇J(θ) from one episode (Williams, "Simple Statistical
/// Gradient-Following Algorithms for Connectionist Reinforcement Learning", 1992):
/// ĝ = Σₜ (Gₜ − b(sₜ)) ∇ log π(aₜ | sₜ), with `baselines` b(sₜ) (zeros for none).
///
/// Like most implementations, it drops the γᵗ factor of the exact theorem (Sutton & Barto,
/// section 13.3); with γ = 1 the two agree.
///
/// - Returns: the ascent direction, one entry per policy parameter.
/// - Complexity: one batched forward and backward pass over the episode.
public func reinforceGradient(
  _ policy: CategoricalPolicy, episode: Episode, discount: Double, baselines: [Double]? = nil
) -> [Double] {
  let n = episode.count
  let k = policy.actionCount
  let returns = episode.returnsToGo(discount: discount)
  let (dists, tape) = policy.distributions(episode.observations.flatMap { $0 }, batch: n)
  var dLogits = [Double](repeating: 0, count: n * k)
  for t in 0..<n {
    let weight = returns[t] - (baselines?[t] ?? 0)
    let g = dists[t].logProbabilityGradient(of: episode.actions[t])
    for a in 0..<k { dLogits[t * k + a] = weight * g[a] }
  }
  var gradient = [Double](repeating: 0, count: policy.network.parameterCount)
  policy.network.backward(tape, outputGradient: dLogits, into: &gradient)
  return gradient
}

/// REINFORCE, optionally with a learned state-value baseline (Sutton & Barto, sections 13.3
/// and 13.4): play an episode, compute returns-to-go, step the policy along the REINFORCE
/// estimate, and regress the baseline on the returns.
public func trainREINFORCE<E: DiscreteControlEnvironment>(
  configuration c: REINFORCEConfiguration, using generator: inout SeededGenerator,
  make: () -> E
) -> PolicyGradientRun {
  var env = make()
  var policy = CategoricalPolicy(
    observationSize: E.observationSize, actionCount: E.actionCount, hidden: c.hidden,
    using: &generator)
  var baseline = ValueNetwork(
    inputSize: E.observationSize, hidden: c.hidden, using: &generator)
  var policyAdam = Adam(count: policy.network.parameterCount, learningRate: c.policyLearningRate)
  var baselineAdam = Adam(
    count: baseline.network.parameterCount, learningRate: c.valueLearningRate)
  var run = PolicyGradientRun(policy: policy, value: c.useBaseline ? baseline : nil)
  var steps = 0

  // region reinforce-loop
  for _ in 0..<c.episodes {
    // 1. Play one episode with the current policy.
    let episode = sampleEpisode(policy, in: &env, using: &generator)
    steps += episode.count
    run.episodes.append((steps, episode.totalReward))
    let observations = episode.observations.flatMap { $0 }

    // 2. Baselines b(sₜ) = V(sₜ) from the current critic, if used.
    let b = c.useBaseline ? baseline.values(observations, batch: episode.count) : nil

    // 3. Ascend the REINFORCE estimate (Adam minimises, so hand it −ĝ).
    let g = reinforceGradient(policy, episode: episode, discount: c.discount, baselines: b)
    policyAdam.step(&policy.network.parameters, gradient: g.map { -$0 })

    // 4. Fit the baseline to the returns-to-go.
    if c.useBaseline {
      let targets = episode.returnsToGo(discount: c.discount)
      let fit = baseline.squaredErrorLoss(observations: observations, targets: targets)
      baselineAdam.step(&baseline.network.parameters, gradient: fit.gradient)
    }
  }
  // endregion
  run.policy = policy
  run.value = c.useBaseline ? baseline : nil
  return run
}
