/// A simulator for a ``TabularMDP``: it samples the model's outcomes one step at a time,
/// the way an agent that cannot see the model experiences it.
///
/// The episode starts in a state drawn from ``initialDistribution`` and ends when a
/// terminal state is entered (`terminated`) or after ``timeLimit`` steps (`truncated`).
public struct TabularEnvironment: FiniteEnvironment, Sendable {
  /// The model being simulated.
  public let mdp: TabularMDP
  /// Where episodes start: one probability per state.
  public let initialDistribution: [Double]
  /// The number of steps after which an episode is truncated, or `nil` for no limit.
  public var timeLimit: Int?
  /// The current state.
  public private(set) var state: Int
  /// The number of steps taken in the current episode.
  public private(set) var elapsedSteps = 0
  var generator: SeededGenerator
  /// The start state when the initial distribution is a single state (skips a draw).
  let fixedStart: Int?

  /// Creates a simulator that starts every episode from `start`.
  public init(mdp: TabularMDP, start: Int, timeLimit: Int? = nil) {
    var distribution = [Double](repeating: 0, count: mdp.stateCount)
    distribution[start] = 1
    self.init(mdp: mdp, initialDistribution: distribution, timeLimit: timeLimit)
  }

  /// Creates a simulator whose episodes start from a state drawn from
  /// `initialDistribution`.
  public init(mdp: TabularMDP, initialDistribution: [Double], timeLimit: Int? = nil) {
    precondition(initialDistribution.count == mdp.stateCount, "one probability per state")
    self.mdp = mdp
    self.initialDistribution = initialDistribution
    self.timeLimit = timeLimit
    self.generator = SeededGenerator(seed: 0)
    self.state = initialDistribution.firstIndex { $0 > 0 } ?? 0
    self.fixedStart = initialDistribution[state] == 1 ? state : nil
  }

  /// The number of states.
  public var stateCount: Int { mdp.stateCount }
  /// The number of actions.
  public var actionCount: Int { mdp.actionCount }

  /// Starts an episode: reseeds the simulator from `generator` and draws a start state.
  public mutating func reset(using generator: inout SeededGenerator) -> Int {
    self.generator = generator.split()
    state = fixedStart ?? self.generator.categorical(initialDistribution)
    elapsedSteps = 0
    return state
  }

  /// Samples one outcome of `action` in the current state and moves there.
  ///
  /// - Complexity: O(number of outcomes of the pair); no random draw when there is one.
  @inline(__always)
  public mutating func step(_ action: Int) -> Step<Int> {
    precondition(!mdp.isTerminal[state], "step called after the episode terminated")
    let pair = state * mdp.actionCount + action
    let start = mdp.offsets[pair]
    let end = mdp.offsets[pair + 1]
    var chosen = start
    if end - start > 1 {
      var u = generator.uniform()
      chosen = end - 1
      for i in start..<end {
        u -= mdp.allOutcomes[i].probability
        if u < 0 {
          chosen = i
          break
        }
      }
    }
    let outcome = mdp.allOutcomes[chosen]
    state = outcome.nextState
    elapsedSteps += 1
    let terminated = mdp.isTerminal[state]
    let truncated = !terminated && timeLimit.map { elapsedSteps >= $0 } == true
    return Step(
      observation: state, reward: outcome.reward, terminated: terminated, truncated: truncated)
  }
}
