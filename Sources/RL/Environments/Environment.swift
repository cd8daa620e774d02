/// What one call to ``Environment/step(_:)`` reports, in Gymnasium's shape:
/// the next observation, the reward for the transition, and two ways an episode can end.
///
/// `terminated` means the task itself ended (a terminal state was reached: the return
/// after it is zero). `truncated` means the episode was cut short from outside (a time
/// limit): the state was not terminal, so a learner that bootstraps should still
/// bootstrap from `observation`.
public struct Step<Observation> {
  /// The observation after the action.
  public var observation: Observation
  /// The reward received for the transition.
  public var reward: Double
  /// Whether a terminal state was reached (the task ended).
  public var terminated: Bool
  /// Whether the episode was cut off without reaching a terminal state (a time limit).
  public var truncated: Bool

  /// Creates a step result.
  @inlinable
  public init(observation: Observation, reward: Double, terminated: Bool, truncated: Bool = false) {
    self.observation = observation
    self.reward = reward
    self.terminated = terminated
    self.truncated = truncated
  }

  /// Whether the episode is over for either reason.
  @inlinable
  public var isDone: Bool { terminated || truncated }
}

extension Step: Sendable where Observation: Sendable {}
extension Step: Equatable where Observation: Equatable {}

/// An environment in the Gymnasium style: `reset` starts an episode and returns the first
/// observation; `step` applies an action and returns a ``Step``.
///
/// An environment owns its own seeded generator for its randomness (slippery ice, random
/// start states, ...). `reset(using:)` reseeds it from the caller's generator, so a whole
/// experiment is fixed by one seed; `reset(seed:)` is the Gymnasium-like shortcut.
/// Observation and action types are free: tabular tasks use `Int` for both, CartPole
/// uses `[Double]` observations and `Int` actions.
public protocol Environment {
  /// What the agent sees after each step (a state index, a feature vector, ...).
  associatedtype Observation
  /// What the agent can do (an action index, a vector, ...).
  associatedtype Action

  /// Starts a new episode, drawing the episode's randomness from `generator`, and returns
  /// the first observation.
  mutating func reset(using generator: inout SeededGenerator) -> Observation

  /// Applies `action` and returns the next observation, the reward and whether the
  /// episode ended. Calling `step` after the episode ended is a programming error.
  mutating func step(_ action: Action) -> Step<Observation>
}

extension Environment {
  /// Starts a new episode whose randomness is fixed by `seed`, and returns the first
  /// observation (Gymnasium's `reset(seed=...)`).
  @inlinable
  public mutating func reset(seed: UInt64) -> Observation {
    var generator = SeededGenerator(seed: seed)
    return reset(using: &generator)
  }
}
