/// n-step Sarsa (Sutton & Barto, Section 7.2): the target sums n rewards before
/// bootstrapping, G = R₁ + γR₂ + … + γⁿ⁻¹Rₙ + γⁿ Q(Sₙ, Aₙ), which trades the bias of
/// one-step TD (n = 1, plain Sarsa) against the variance of Monte Carlo (n = ∞).
public struct NStepSarsaLearner: Sendable {
  /// The number of rewards n before bootstrapping.
  public var n: Int
  /// The step size α.
  public var learningRate: Double
  /// The discount γ.
  public var discount: Double
  /// The exploration probability ε.
  public var epsilon: Double
  /// The action values being learned.
  public var q: QTable

  /// Creates a learner with every Q(s, a) at `initialValue`.
  public init(
    n: Int, stateCount: Int, actionCount: Int, learningRate: Double, discount: Double = 1,
    epsilon: Double = 0.1, initialValue: Double = 0
  ) {
    precondition(n >= 1, "n must be at least 1")
    self.n = n
    self.learningRate = learningRate
    self.discount = discount
    self.epsilon = epsilon
    self.q = QTable(stateCount: stateCount, actionCount: actionCount, initialValue: initialValue)
  }

  /// Runs and learns from one episode, following the textbook's pseudocode with
  /// time-indexed buffers.
  ///
  /// - Complexity: O(steps × (n + actions)).
  public mutating func runEpisode(
    in env: inout TabularEnvironment, maxSteps: Int = .max,
    using generator: inout SeededGenerator
  ) -> EpisodeSummary {
    var states = [env.reset(using: &generator)]
    var actions = [q.epsilonGreedyAction(in: states[0], epsilon: epsilon, using: &generator)]
    var rewards = [0.0]  // rewards[t] is R_t; R_0 is unused
    var end = Int.max  // T
    var bootstrapAtEnd = false  // truncated: the last state is not terminal
    var t = 0
    var total = 0.0
    while true {
      if t < end {
        let step = env.step(actions[t])
        total += step.reward
        rewards.append(step.reward)
        states.append(step.observation)
        if step.isDone || t + 1 >= maxSteps {
          end = t + 1
          bootstrapAtEnd = !step.terminated
        } else {
          actions.append(
            q.epsilonGreedyAction(in: step.observation, epsilon: epsilon, using: &generator))
        }
      }
      // region n-step-update
      let tau = t - n + 1  // the time whose estimate is updated
      if tau >= 0 {
        var g = 0.0
        var weight = 1.0
        for i in (tau + 1)...min(tau + n, end) {
          g += weight * rewards[i]
          weight *= discount
        }
        if tau + n < end {
          g += weight * q[states[tau + n], actions[tau + n]]
        } else if bootstrapAtEnd {
          g += weight * q.maxValue(in: states[end])
        }
        q[states[tau], actions[tau]] += learningRate * (g - q[states[tau], actions[tau]])
      }
      // endregion
      if tau == end - 1 { break }
      t += 1
    }
    return EpisodeSummary(totalReward: total, length: end)
  }

  /// Runs `episodes` episodes and returns their summaries.
  public mutating func train(
    in env: inout TabularEnvironment, episodes: Int, maxSteps: Int = .max,
    using generator: inout SeededGenerator
  ) -> [EpisodeSummary] {
    (0..<episodes).map { _ in runEpisode(in: &env, maxSteps: maxSteps, using: &generator) }
  }
}
