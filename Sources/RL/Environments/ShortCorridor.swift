/// The short corridor with switched actions (Sutton & Barto, "Reinforcement Learning: An
/// Introduction", 2nd ed., Example 13.1).
///
/// Three non-terminal cells and a goal: 0 (start) – 1 – 2 – goal. Every step pays −1. In
/// cells 0 and 2 the actions do what they say (0: left, 1: right); in cell 1 they are
/// switched. Moving left from cell 0 stays put. The agent cannot tell the cells apart: every
/// observation is the same feature vector `[1]`, so the best it can do is a stochastic
/// policy that goes right with some probability p. Its value has a closed form,
/// ``value(probabilityRight:)``, which makes this the book's test bed for gradient estimates.
public struct ShortCorridor: Environment, Sendable {
  /// The number of actions (0: left, 1: right).
  public static let actionCount = 2
  /// The size of an observation (a single constant feature).
  public static let observationSize = 1

  /// The hidden cell the agent is in (0, 1 or 2; 3 is the goal).
  public private(set) var cell = 0
  /// Steps taken in the current episode.
  public private(set) var elapsedSteps = 0
  /// Episodes longer than this are truncated (a guard against near-deterministic policies
  /// that can loop for ever).
  public var maxEpisodeSteps: Int

  /// Creates the corridor; episodes are truncated after `maxEpisodeSteps` steps.
  public init(maxEpisodeSteps: Int = 1_000) {
    self.maxEpisodeSteps = maxEpisodeSteps
  }

  /// Starts in cell 0. The corridor has no randomness; `generator` is not used.
  public mutating func reset(using generator: inout SeededGenerator) -> [Double] {
    cell = 0
    elapsedSteps = 0
    return [1]
  }

  /// Moves left (0) or right (1), with the actions switched in cell 1.
  public mutating func step(_ action: Int) -> Step<[Double]> {
    precondition(action == 0 || action == 1, "the corridor has actions 0 and 1")
    precondition(cell < 3, "the episode is over")
    let right = (action == 1) != (cell == 1)
    cell = right ? cell + 1 : max(cell - 1, 0)
    elapsedSteps += 1
    let terminated = cell == 3
    return Step(
      observation: [1], reward: -1, terminated: terminated,
      truncated: !terminated && elapsedSteps >= maxEpisodeSteps)
  }

  /// The expected return from the start, J(p) = v(cell 0) = (2p − 4) / (p(1 − p)), for the
  /// policy that goes right with probability `p` (ignoring truncation).
  ///
  /// It follows from the three Bellman equations v₀ = −1 + p·v₁ + (1−p)·v₀,
  /// v₁ = −1 + p·v₀ + (1−p)·v₂ and v₂ = −1 + (1−p)·v₁. It peaks at p = 2 − √2 ≈ 0.586.
  public static func value(probabilityRight p: Double) -> Double {
    precondition(p > 0 && p < 1, "the value is finite only for 0 < p < 1")
    return (2 * p - 4) / (p * (1 - p))
  }

  /// The probability of going right that maximises ``value(probabilityRight:)``: 2 − √2.
  public static let optimalProbabilityRight = 2 - 2.0.squareRoot()
}
