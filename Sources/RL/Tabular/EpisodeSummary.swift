/// What one training episode produced: its undiscounted return and its length.
public struct EpisodeSummary: Sendable, Equatable {
  /// The sum of the rewards received (undiscounted).
  public var totalReward: Double
  /// The number of steps taken.
  public var length: Int

  /// Creates a summary.
  public init(totalReward: Double, length: Int) {
    self.totalReward = totalReward
    self.length = length
  }
}

/// Runs the deterministic greedy policy of `q` (first best action) for one episode of at
/// most `maxSteps` steps and returns what it earned: the "greedy return", as opposed to the
/// return the ε-greedy learner collects while exploring.
public func greedyEpisode(
  of q: QTable, in environment: TabularEnvironment, maxSteps: Int = 1000,
  using generator: inout SeededGenerator
) -> EpisodeSummary {
  var env = environment
  var state = env.reset(using: &generator)
  var total = 0.0
  for t in 1...maxSteps {
    let step = env.step(q.greedyAction(in: state))
    total += step.reward
    if step.isDone { return EpisodeSummary(totalReward: total, length: t) }
    state = step.observation
  }
  return EpisodeSummary(totalReward: total, length: maxSteps)
}
