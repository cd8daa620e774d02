/// One complete episode: what the agent saw, did and received.
public struct Episode: Sendable {
  /// The observation before each action.
  public var observations: [[Double]] = []
  /// The actions taken.
  public var actions: [Int] = []
  /// The reward after each action.
  public var rewards: [Double] = []
  /// Whether the episode reached a terminal state (rather than being truncated).
  public var terminated = false

  /// The number of steps.
  @inlinable
  public var count: Int { actions.count }

  /// The undiscounted return Σ rₜ.
  @inlinable
  public var totalReward: Double { rewards.reduce(0, +) }

  /// The discounted returns-to-go Gₜ = rₜ + γ·Gₜ₊₁ for every step.
  ///
  /// - Complexity: O(count).
  public func returnsToGo(discount gamma: Double) -> [Double] {
    var g = 0.0
    var out = [Double](repeating: 0, count: count)
    for t in stride(from: count - 1, through: 0, by: -1) {
      g = rewards[t] + gamma * g
      out[t] = g
    }
    return out
  }
}

/// Plays one episode of `policy` (sampling its actions) in `environment`.
public func sampleEpisode<E: DiscreteControlEnvironment>(
  _ policy: CategoricalPolicy, in environment: inout E, using generator: inout SeededGenerator
) -> Episode {
  var episode = Episode()
  var observation = environment.reset(using: &generator)
  while true {
    let action = policy.distribution(observation).sample(using: &generator)
    let s = environment.step(action)
    episode.observations.append(observation)
    episode.actions.append(action)
    episode.rewards.append(s.reward)
    observation = s.observation
    if s.isDone {
      episode.terminated = s.terminated
      return episode
    }
  }
}
