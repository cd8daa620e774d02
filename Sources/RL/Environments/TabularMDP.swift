/// A finite Markov decision process given explicitly by its dynamics p(s′, r | s, a):
/// for every state–action pair, a short list of outcomes with their probabilities.
///
/// Terminal states are marked in ``isTerminal``; their value is zero by definition and the
/// dynamic-programming routines never back them up. The outcomes of all pairs are stored in
/// one contiguous array, so a sweep over the whole model is a tight loop.
public struct TabularMDP: Sendable {
  /// One possible result of taking an action: where you land, what you receive, and
  /// how likely that is.
  public struct Outcome: Sendable, Equatable {
    /// p(s′, r | s, a) for this outcome.
    public var probability: Double
    /// The next state s′.
    public var nextState: Int
    /// The reward r.
    public var reward: Double

    /// Creates an outcome.
    public init(probability: Double, nextState: Int, reward: Double) {
      self.probability = probability
      self.nextState = nextState
      self.reward = reward
    }
  }

  /// The number of states.
  public let stateCount: Int
  /// The number of actions (the same in every state).
  public let actionCount: Int
  /// Whether each state is terminal (an episode ends on entering it).
  public let isTerminal: [Bool]
  /// Every outcome, pair after pair; see ``outcomes(_:_:)``.
  @usableFromInline let allOutcomes: [Outcome]
  /// `offsets[s * actionCount + a]..<offsets[s * actionCount + a + 1]` indexes the outcomes
  /// of (s, a) in `allOutcomes`.
  @usableFromInline let offsets: [Int]

  /// Builds a model by asking `dynamics` for the outcomes of every non-terminal pair
  /// (terminal states get no outcomes). Each list's probabilities must sum to one.
  ///
  /// - Complexity: O(total number of outcomes).
  public init(
    stateCount: Int, actionCount: Int, isTerminal: [Bool],
    dynamics: (_ state: Int, _ action: Int) -> [Outcome]
  ) {
    precondition(isTerminal.count == stateCount, "isTerminal needs one entry per state")
    self.stateCount = stateCount
    self.actionCount = actionCount
    self.isTerminal = isTerminal
    var outcomes = [Outcome]()
    var offsets = [0]
    offsets.reserveCapacity(stateCount * actionCount + 1)
    for s in 0..<stateCount {
      for a in 0..<actionCount {
        if !isTerminal[s] {
          let list = dynamics(s, a)
          let total = list.reduce(0) { $0 + $1.probability }
          precondition(abs(total - 1) < 1e-9, "p(·|\(s),\(a)) sums to \(total), not 1")
          for o in list {
            precondition(0..<stateCount ~= o.nextState, "next state \(o.nextState) out of range")
          }
          outcomes += list
        }
        offsets.append(outcomes.count)
      }
    }
    self.allOutcomes = outcomes
    self.offsets = offsets
  }

  /// The outcomes of taking `action` in `state` (empty for a terminal state).
  @inlinable
  public func outcomes(_ state: Int, _ action: Int) -> ArraySlice<Outcome> {
    let pair = state * actionCount + action
    return allOutcomes[offsets[pair]..<offsets[pair + 1]]
  }

  /// The one-step lookahead q(s, a) = Σ p(s′, r | s, a) [r + γ v(s′)], with v = 0 at
  /// terminal states.
  @inlinable
  public func lookahead(_ state: Int, _ action: Int, values: [Double], discount: Double)
    -> Double
  {
    var q = 0.0
    for o in outcomes(state, action) {
      let next = isTerminal[o.nextState] ? 0 : values[o.nextState]
      q += o.probability * (o.reward + discount * next)
    }
    return q
  }
}
