/// N copies of an environment stepped together, resetting each copy as soon as its episode
/// ends (Gymnasium's `SyncVectorEnv` with same-step autoreset, as CleanRL uses it).
///
/// When copy `i` ends at a step, the returned observation is already the first observation
/// of its next episode; the observation that ended the episode is kept in
/// ``Step/finalObservations`` so a learner can bootstrap from it after a truncation.
public struct VectorEnvironment<Base: Environment & Sendable>: Sendable
where Base.Observation == [Double], Base.Action: Sendable {
  /// What one call to ``step(_:)`` reports for all copies.
  public struct Step: Sendable {
    /// The next observation of each copy (the reset observation if its episode ended).
    public var observations: [[Double]]
    /// The reward of each copy.
    public var rewards: [Double]
    /// Whether each copy reached a terminal state.
    public var terminated: [Bool]
    /// Whether each copy was cut off by a time limit.
    public var truncated: [Bool]
    /// For each copy whose episode ended, its last observation; otherwise `nil`.
    public var finalObservations: [[Double]?]
    /// The undiscounted return and length of every episode that ended at this step.
    public var finishedEpisodes: [(return: Double, length: Int)]
  }

  /// The copies.
  public private(set) var environments: [Base]
  /// The current observation of each copy.
  public private(set) var observations: [[Double]]
  @usableFromInline var generators: [SeededGenerator]
  @usableFromInline var runningReturns: [Double]
  @usableFromInline var runningLengths: [Int]

  /// Creates `count` copies made by `make`, each with its own random stream derived from
  /// `seed`, and resets them all.
  public init(count: Int, seed: UInt64, make: () -> Base) {
    precondition(count > 0, "need at least one environment")
    var root = SeededGenerator(seed: seed)
    generators = (0..<count).map { _ in root.split() }
    environments = (0..<count).map { _ in make() }
    observations = []
    runningReturns = [Double](repeating: 0, count: count)
    runningLengths = [Int](repeating: 0, count: count)
    for i in 0..<count { observations.append(environments[i].reset(using: &generators[i])) }
  }

  /// The number of copies.
  @inlinable
  public var count: Int { environments.count }

  /// The current observations as one flat array, row after row (the input a network wants).
  @inlinable
  public var flatObservations: [Double] { observations.flatMap { $0 } }

  /// Steps every copy with its action, resetting the copies whose episodes end.
  public mutating func step(_ actions: [Base.Action]) -> Step {
    precondition(actions.count == count, "one action per environment")
    var result = Step(
      observations: [], rewards: [], terminated: [], truncated: [],
      finalObservations: [], finishedEpisodes: [])
    for i in 0..<count {
      let s = environments[i].step(actions[i])
      runningReturns[i] += s.reward
      runningLengths[i] += 1
      result.rewards.append(s.reward)
      result.terminated.append(s.terminated)
      result.truncated.append(s.truncated)
      if s.isDone {
        result.finalObservations.append(s.observation)
        result.finishedEpisodes.append((runningReturns[i], runningLengths[i]))
        runningReturns[i] = 0
        runningLengths[i] = 0
        observations[i] = environments[i].reset(using: &generators[i])
      } else {
        result.finalObservations.append(nil)
        observations[i] = s.observation
      }
    }
    result.observations = observations
    return result
  }
}
