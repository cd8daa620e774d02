/// A fixed-length batch of experience from a ``VectorEnvironment``, with advantages.
///
/// Arrays are time-major: entry `t * environmentCount + i` is step `t` of copy `i`.
/// This is what A2C, TRPO and PPO learn from (CleanRL's "storage" tensors).
public struct Rollout: Sendable {
  /// The number of steps per copy.
  public var steps: Int
  /// The number of environment copies.
  public var environmentCount: Int
  /// The size of one observation.
  public var observationSize: Int
  /// Observations, `steps · environmentCount` rows of `observationSize`.
  public var observations: [Double] = []
  /// The actions taken.
  public var actions: [Int] = []
  /// log π_old(aₜ | sₜ) under the policy that collected the data.
  public var logProbabilities: [Double] = []
  /// The logits of π_old(· | sₜ), kept for KL penalties and trust regions.
  public var logits: [Double] = []
  /// V_old(sₜ).
  public var values: [Double] = []
  /// The rewards rₜ.
  public var rewards: [Double] = []
  /// V_old of the state each step led to (0 after a termination; V of the final
  /// observation after a truncation).
  public var nextValues: [Double] = []
  /// Whether step t terminated its episode.
  public var terminated: [Bool] = []
  /// Whether step t was truncated.
  public var truncated: [Bool] = []
  /// The advantage estimates Âₜ (filled by ``computeAdvantages(discount:gaeLambda:)``).
  public var advantages: [Double] = []
  /// The value targets Âₜ + V_old(sₜ).
  public var returns: [Double] = []
  /// (global step, return) for each episode that finished during the rollout.
  public var finishedEpisodes: [(step: Int, return: Double)] = []

  /// The number of transitions, `steps · environmentCount`.
  @inlinable
  public var count: Int { steps * environmentCount }

  /// The observations of the transitions at `indices`, row after row (one minibatch).
  public func observations(at indices: [Int]) -> [Double] {
    var rows = [Double]()
    rows.reserveCapacity(indices.count * observationSize)
    for i in indices { rows += observations[(i * observationSize)..<((i + 1) * observationSize)] }
    return rows
  }

  /// Fills ``advantages`` and ``returns`` with GAE(γ, λ), run separately along each copy's
  /// stream of steps. λ = 1 gives n-step Monte Carlo returns bootstrapped at the rollout's
  /// end (A2C); the `terminated`/`truncated` flags stop the sums at episode ends.
  public mutating func computeAdvantages(discount: Double, gaeLambda: Double) {
    advantages = [Double](repeating: 0, count: count)
    returns = [Double](repeating: 0, count: count)
    for i in 0..<environmentCount {
      let idx = (0..<steps).map { $0 * environmentCount + i }
      let (a, r) = generalizedAdvantageEstimates(
        rewards: idx.map { rewards[$0] }, values: idx.map { values[$0] },
        nextValues: idx.map { nextValues[$0] }, terminated: idx.map { terminated[$0] },
        truncated: idx.map { truncated[$0] }, discount: discount, lambda: gaeLambda)
      for (k, j) in idx.enumerated() {
        advantages[j] = a[k]
        returns[j] = r[k]
      }
    }
  }
}

extension Rollout {
  /// Runs `policy` for `steps` steps in every copy of `environments`, recording what a
  /// policy-gradient learner needs. `startStep` is the global step count before the rollout
  /// (used to time-stamp finished episodes).
  ///
  /// - Complexity: `steps` batched forward passes of the policy and of the value network.
  public static func collect<E: DiscreteControlEnvironment>(
    from environments: inout VectorEnvironment<E>, policy: CategoricalPolicy,
    value: ValueNetwork, steps: Int, startStep: Int, using generator: inout SeededGenerator
  ) -> Rollout {
    let n = environments.count
    let obsSize = environments.observations[0].count
    var r = Rollout(steps: steps, environmentCount: n, observationSize: obsSize)
    r.observations.reserveCapacity(steps * n * obsSize)
    var currentValues = value.values(environments.flatObservations, batch: n)
    for t in 0..<steps {
      let obs = environments.flatObservations
      let (dists, _) = policy.distributions(obs, batch: n)
      let actions = dists.map { $0.sample(using: &generator) }
      r.observations += obs
      r.actions += actions
      for i in 0..<n {
        r.logProbabilities.append(dists[i].logProbability(of: actions[i]))
        r.logits += dists[i].logits
      }
      r.values += currentValues
      let s = environments.step(actions)
      let following = value.values(environments.flatObservations, batch: n)
      for i in 0..<n {
        r.rewards.append(s.rewards[i])
        r.terminated.append(s.terminated[i])
        r.truncated.append(s.truncated[i])
        if s.terminated[i] {
          r.nextValues.append(0)
        } else if let final = s.finalObservations[i] {
          r.nextValues.append(value(final))
        } else {
          r.nextValues.append(following[i])
        }
      }
      for e in s.finishedEpisodes { r.finishedEpisodes.append((startStep + (t + 1) * n, e.return)) }
      currentValues = following
    }
    return r
  }
}
