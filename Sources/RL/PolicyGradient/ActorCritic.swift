/// Settings for ``trainActorCritic(configuration:using:make:)``.
public struct ActorCriticConfiguration: Sendable {
  /// Environment steps in total (default 50,000).
  public var totalSteps = 50_000
  /// The actor's Adam step size (default 10⁻³).
  public var policyLearningRate = 1e-3
  /// The critic's Adam step size (default 5·10⁻³).
  public var valueLearningRate = 5e-3
  /// The discount γ (default 0.99).
  public var discount = 0.99
  /// Hidden widths of the actor and critic networks (default one layer of 32).
  public var hidden = [32]

  /// The defaults.
  public init() {}
}

/// One-step actor-critic (Sutton & Barto, section 13.5): after every step, the TD error
/// δ = r + γ·V(s′)·(1 − terminated) − V(s) is both the critic's regression error and the
/// actor's advantage, so the actor ascends δ·∇log π(a | s).
///
/// A truncated step still bootstraps from V(s′); only a true termination cuts it.
public func trainActorCritic<E: DiscreteControlEnvironment>(
  configuration c: ActorCriticConfiguration, using generator: inout SeededGenerator,
  make: () -> E
) -> PolicyGradientRun {
  var env = make()
  var policy = CategoricalPolicy(
    observationSize: E.observationSize, actionCount: E.actionCount, hidden: c.hidden,
    using: &generator)
  var critic = ValueNetwork(inputSize: E.observationSize, hidden: c.hidden, using: &generator)
  var actorAdam = Adam(count: policy.network.parameterCount, learningRate: c.policyLearningRate)
  var criticAdam = Adam(count: critic.network.parameterCount, learningRate: c.valueLearningRate)
  var run = PolicyGradientRun(policy: policy, value: critic)
  var observation = env.reset(using: &generator)
  var episodeReturn = 0.0

  for step in 1...c.totalSteps {
    // region actor-critic-step
    // 1. Act.
    let tape = policy.network.forward(observation, batch: 1)
    let dist = Categorical(logits: tape.output)
    let action = dist.sample(using: &generator)
    let s = env.step(action)
    episodeReturn += s.reward

    // 2. The TD error, with the bootstrap cut only by a real termination.
    let criticTape = critic.network.forward(observation, batch: 1)
    let bootstrap = s.terminated ? 0 : critic(s.observation)
    let delta = s.reward + c.discount * bootstrap - criticTape.output[0]

    // 3. Critic: descend ½δ² treating the target as fixed (semi-gradient TD(0)).
    var criticGradient = [Double](repeating: 0, count: critic.network.parameterCount)
    critic.network.backward(criticTape, outputGradient: [-delta], into: &criticGradient)
    criticAdam.step(&critic.network.parameters, gradient: criticGradient)

    // 4. Actor: ascend δ·log π(a | s).
    let g = dist.logProbabilityGradient(of: action)
    var actorGradient = [Double](repeating: 0, count: policy.network.parameterCount)
    policy.network.backward(tape, outputGradient: g.map { -delta * $0 }, into: &actorGradient)
    actorAdam.step(&policy.network.parameters, gradient: actorGradient)
    // endregion

    observation = s.observation
    if s.isDone {
      run.episodes.append((step, episodeReturn))
      episodeReturn = 0
      observation = env.reset(using: &generator)
    }
  }
  run.policy = policy
  run.value = critic
  return run
}
