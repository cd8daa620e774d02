import Foundation

/// Settings for ``trainTRPO(configuration:using:make:)``.
public struct TRPOConfiguration: Sendable {
  /// Environment steps in total, over all copies (default 100,000).
  public var totalSteps = 100_000
  /// Environment copies stepped together (default 4).
  public var environmentCount = 4
  /// Steps per copy in each rollout (default 256).
  public var stepsPerRollout = 256
  /// The trust region δ: the largest mean KL(π_old ‖ π_new) a step may reach (default 0.01).
  public var maxKL = 0.01
  /// Conjugate-gradient iterations for F⁻¹g (default 10).
  public var conjugateGradientIterations = 10
  /// λ in F + λI, which keeps the solve well conditioned (default 0.1).
  public var damping = 0.1
  /// Each rejected line-search step shrinks by this factor (default 0.5: halving).
  public var backtrackFactor = 0.5
  /// The most line-search steps tried before giving up on the update (default 10).
  public var backtrackSteps = 10
  /// The discount γ (default 0.99).
  public var discount = 0.99
  /// GAE's λ (default 0.95).
  public var gaeLambda = 0.95
  /// The critic's Adam step size (default 10⁻³; the policy's step comes from the trust
  /// region).
  public var valueLearningRate = 1e-3
  /// Passes of minibatch regression for the critic per update (default 5).
  public var epochs = 5
  /// Minibatches per critic pass (default 4).
  public var minibatchCount = 4
  /// Hidden widths of the actor and critic networks (default two layers of 64).
  public var hidden = [64, 64]

  /// The defaults.
  public init() {}
}

/// The mean KL(π_old ‖ π_θ) over a batch, and the Fisher-vector product F·v + damping·v
/// at θ = θ_old, where F = mean Jᵢᵀ Mᵢ Jᵢ with Jᵢ = ∂logitsᵢ/∂θ and Mᵢ the categorical
/// Fisher matrix of the logits. F is the Hessian of that mean KL at θ_old.
///
/// - Complexity: one forward-mode and one backward pass over the batch.
public func fisherVectorProduct(
  _ policy: CategoricalPolicy, tape: MLP.Tape, distributions: [Categorical], _ v: [Double],
  damping: Double
) -> [Double] {
  let jv = policy.network.jacobianVectorProduct(tape, parameterTangent: v)
  let k = policy.actionCount
  let n = distributions.count
  var u = [Double](repeating: 0, count: n * k)
  for i in 0..<n {
    let mu = distributions[i].fisherVectorProduct(Array(jv[(i * k)..<(i * k + k)]))
    for a in 0..<k { u[i * k + a] = mu[a] / Double(n) }
  }
  var out = [Double](repeating: 0, count: v.count)
  policy.network.backward(tape, outputGradient: u, into: &out)
  for i in out.indices { out[i] += damping * v[i] }
  return out
}

/// Trust Region Policy Optimization (Schulman et al., "Trust Region Policy Optimization",
/// 2015): maximise the surrogate L(θ) = mean(r·Â) subject to mean KL(π_old ‖ π_θ) ≤ δ.
/// The step direction is the natural gradient F⁻¹g from conjugate gradient; its length is
/// set so that ½·sᵀFs = δ; a backtracking line search then shrinks it until the exact KL is
/// within δ and the surrogate improves.
public func trainTRPO<E: DiscreteControlEnvironment>(
  configuration c: TRPOConfiguration, using generator: inout SeededGenerator, make: () -> E
) -> PolicyGradientRun {
  var envs = VectorEnvironment(count: c.environmentCount, seed: generator.next(), make: make)
  var policy = CategoricalPolicy(
    observationSize: E.observationSize, actionCount: E.actionCount, hidden: c.hidden,
    using: &generator)
  var value = ValueNetwork(inputSize: E.observationSize, hidden: c.hidden, using: &generator)
  var valueAdam = Adam(count: value.network.parameterCount, learningRate: c.valueLearningRate)
  let batch = c.environmentCount * c.stepsPerRollout
  var run = PolicyGradientRun(policy: policy, value: value)

  for update in 0..<(c.totalSteps / batch) {
    // 1. Rollout, GAE, standardised advantages.
    var rollout = Rollout.collect(
      from: &envs, policy: policy, value: value, steps: c.stepsPerRollout,
      startStep: update * batch, using: &generator)
    rollout.computeAdvantages(discount: c.discount, gaeLambda: c.gaeLambda)
    run.episodes += rollout.finishedEpisodes
    let mu = mean(rollout.advantages)
    let sd = standardDeviation(rollout.advantages) + 1e-8
    let adv = rollout.advantages.map { ($0 - mu) / sd }

    // 2. The surrogate's gradient at θ_old, where every ratio is 1: g = mean Â ∇log π.
    let (old, tape) = policy.distributions(rollout.observations, batch: batch)
    let k = policy.actionCount
    var dLogits = [Double](repeating: 0, count: batch * k)
    for i in 0..<batch {
      let g = old[i].logProbabilityGradient(of: rollout.actions[i])
      for a in 0..<k { dLogits[i * k + a] = adv[i] * g[a] / Double(batch) }
    }
    var g = [Double](repeating: 0, count: policy.network.parameterCount)
    policy.network.backward(tape, outputGradient: dLogits, into: &g)

    // region trpo-step
    // 3. The natural direction x ≈ F⁻¹g, scaled so the quadratic KL model equals δ.
    let fvp = { (v: [Double]) in
      fisherVectorProduct(policy, tape: tape, distributions: old, v, damping: c.damping)
    }
    let x = conjugateGradient(fvp, g, iterations: c.conjugateGradientIterations)
    let scale = (2 * c.maxKL / max(dot(x, fvp(x)), 1e-12)).squareRoot()
    let fullStep = x.map { $0 * scale }

    // 4. Backtracking line search on the exact KL and the surrogate.
    func evaluate(_ candidate: CategoricalPolicy) -> (surrogate: Double, kl: Double) {
      let (new, _) = candidate.distributions(rollout.observations, batch: batch)
      var surrogate = 0.0
      var kl = 0.0
      for i in 0..<batch {
        let a = rollout.actions[i]
        surrogate += exp(new[i].logProbability(of: a) - old[i].logProbability(of: a)) * adv[i]
        kl += old[i].klDivergence(to: new[i])
      }
      return (surrogate / Double(batch), kl / Double(batch))
    }
    let before = evaluate(policy).surrogate
    var log = PolicyGradientUpdate(step: (update + 1) * batch, entropy: mean(old.map(\.entropy)))
    var fraction = 1.0
    for _ in 0..<c.backtrackSteps {
      var candidate = policy
      for i in fullStep.indices { candidate.network.parameters[i] += fraction * fullStep[i] }
      let (surrogate, kl) = evaluate(candidate)
      if kl <= c.maxKL && surrogate > before {
        policy = candidate
        log.kl = kl
        log.surrogateImprovement = surrogate - before
        log.stepFraction = fraction
        break
      }
      fraction *= c.backtrackFactor
    }
    // endregion
    run.updates.append(log)

    // 5. Fit the critic to the GAE returns with a few epochs of minibatch Adam.
    forEachMinibatch(
      of: batch, minibatchCount: c.minibatchCount, epochs: c.epochs, using: &generator
    ) { _, idx in
      let fit = value.squaredErrorLoss(
        observations: rollout.observations(at: idx), targets: idx.map { rollout.returns[$0] })
      valueAdam.step(&value.network.parameters, gradient: fit.gradient)
    }
  }
  run.policy = policy
  run.value = value
  return run
}
