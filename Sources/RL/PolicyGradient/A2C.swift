/// Settings for ``trainA2C(configuration:using:make:)``.
public struct A2CConfiguration: Sendable {
  /// Environment steps in total, over all copies (default 100,000).
  public var totalSteps = 100_000
  /// Environment copies stepped together (default 8).
  public var environmentCount = 8
  /// n: steps per copy before each update, the n of the n-step return (default 5).
  public var stepsPerRollout = 5
  /// Adam's step size for both networks (default 10⁻³).
  public var learningRate = 1e-3
  /// The discount γ (default 0.99).
  public var discount = 0.99
  /// GAE's λ (default 1: plain n-step returns, the original A2C).
  public var gaeLambda = 1.0
  /// The weight of the value loss (default 0.5).
  public var valueCoefficient = 0.5
  /// The weight of the entropy bonus (default 0.01).
  public var entropyCoefficient = 0.01
  /// The largest global gradient norm, both networks together (default 0.5).
  public var maxGradientNorm = 0.5
  /// Hidden widths of the actor and critic networks (default two layers of 64).
  public var hidden = [64, 64]

  /// The defaults.
  public init() {}
}

/// Advantage actor-critic, the synchronous version of A3C (Mnih et al., "Asynchronous Methods
/// for Deep Reinforcement Learning", 2016): run n steps in every copy, compute n-step
/// advantages (or GAE), and take one gradient step on
/// −mean(Â·log π) + c_v·½·mean((V − R)²) − c_e·mean(H).
public func trainA2C<E: DiscreteControlEnvironment>(
  configuration c: A2CConfiguration, using generator: inout SeededGenerator, make: () -> E
) -> PolicyGradientRun {
  var envs = VectorEnvironment(count: c.environmentCount, seed: generator.next(), make: make)
  var policy = CategoricalPolicy(
    observationSize: E.observationSize, actionCount: E.actionCount, hidden: c.hidden,
    using: &generator)
  var value = ValueNetwork(inputSize: E.observationSize, hidden: c.hidden, using: &generator)
  var policyAdam = Adam(count: policy.network.parameterCount, learningRate: c.learningRate)
  var valueAdam = Adam(count: value.network.parameterCount, learningRate: c.learningRate)
  let batch = c.environmentCount * c.stepsPerRollout
  var run = PolicyGradientRun(policy: policy, value: value)
  let k = E.actionCount

  // region a2c-update
  for update in 0..<(c.totalSteps / batch) {
    // 1. n steps in every copy, then n-step (or GAE) advantages.
    var rollout = Rollout.collect(
      from: &envs, policy: policy, value: value, steps: c.stepsPerRollout,
      startStep: update * batch, using: &generator)
    rollout.computeAdvantages(discount: c.discount, gaeLambda: c.gaeLambda)
    run.episodes += rollout.finishedEpisodes

    // 2. Actor: −Â·log π − c_e·H, differentiated in the logits.
    let (dists, tape) = policy.distributions(rollout.observations, batch: batch)
    var dLogits = [Double](repeating: 0, count: batch * k)
    for i in 0..<batch {
      let g = dists[i].logProbabilityGradient(of: rollout.actions[i])
      let h = dists[i].entropyGradient
      for a in 0..<k {
        dLogits[i * k + a] =
          (-rollout.advantages[i] * g[a] - c.entropyCoefficient * h[a]) / Double(batch)
      }
    }
    var policyGradient = [Double](repeating: 0, count: policy.network.parameterCount)
    policy.network.backward(tape, outputGradient: dLogits, into: &policyGradient)

    // 3. Critic: regress V on the n-step returns.
    var valueGradient = value.squaredErrorLoss(
      observations: rollout.observations, targets: rollout.returns
    ).gradient.map { c.valueCoefficient * $0 }

    // 4. One clipped Adam step on both.
    clipJointNorm(&policyGradient, &valueGradient, maxNorm: c.maxGradientNorm)
    policyAdam.step(&policy.network.parameters, gradient: policyGradient)
    valueAdam.step(&value.network.parameters, gradient: valueGradient)
  }
  // endregion
  run.policy = policy
  run.value = value
  return run
}
