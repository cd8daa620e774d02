/// Learning curves from many independent runs of a bandit agent on the k-armed testbed,
/// averaged step by step.
public struct BanditCurves: Sendable {
  /// The number of runs averaged.
  public let runs: Int
  /// The average reward at each step.
  public let averageReward: [Double]
  /// The fraction of runs that pulled the optimal arm at each step.
  public let optimalActionFraction: [Double]
  /// The average cumulative regret after each step: Σ (max q* − q*(Aₜ)).
  public let cumulativeRegret: [Double]

  /// Creates curves from already averaged series.
  public init(
    runs: Int, averageReward: [Double], optimalActionFraction: [Double],
    cumulativeRegret: [Double]
  ) {
    self.runs = runs
    self.averageReward = averageReward
    self.optimalActionFraction = optimalActionFraction
    self.cumulativeRegret = cumulativeRegret
  }

  /// The mean of `averageReward` over the steps in `range` (for example the last 500).
  public func meanReward(over range: Range<Int>) -> Double {
    mean(Array(averageReward[range]))
  }

  /// The mean of `optimalActionFraction` over the steps in `range`.
  public func meanOptimalFraction(over range: Range<Int>) -> Double {
    mean(Array(optimalActionFraction[range]))
  }
}

/// Runs a fresh copy of `agent` on `runs` independently drawn testbed problems for `steps`
/// pulls each, and averages the curves (Sutton & Barto, Figures 2.2–2.6).
///
/// Run r draws its problem, the agent's randomness and the rewards from its own streams
/// split off `seed`, so every agent called with the same seed faces the same problems.
///
/// The library carries ready-made specialisations for its own agents, so the loop runs at
/// full speed even when called from unoptimised chapter code.
///
/// - Complexity: O(runs × steps × arms).
@_specialize(where Agent == EpsilonGreedyAgent)
@_specialize(where Agent == UCBAgent)
@_specialize(where Agent == GradientBanditAgent)
@_specialize(where Agent == ThompsonSamplingAgent)
public func runBanditTestbed<Agent: BanditAgent>(
  _ agent: Agent, arms: Int = 10, steps: Int = 1000, runs: Int = 2000,
  meanOffset: Double = 0, seed: UInt64
) -> BanditCurves {
  var rewardTotal = [Double](repeating: 0, count: steps)
  var optimalCount = [Double](repeating: 0, count: steps)
  var regretTotal = [Double](repeating: 0, count: steps)
  var master = SeededGenerator(seed: seed)
  for _ in 0..<runs {
    var runGenerator = master.split()
    let testbed = KArmedTestbed(arms: arms, meanOffset: meanOffset, using: &runGenerator)
    var agentGenerator = runGenerator.split()
    var rewardGenerator = runGenerator.split()
    let best = testbed.trueValues[testbed.optimalArm]
    var learner = agent
    var regret = 0.0
    for t in 0..<steps {
      let arm = learner.selectArm(using: &agentGenerator)
      let reward = testbed.pull(arm, using: &rewardGenerator)
      learner.update(arm: arm, reward: reward)
      rewardTotal[t] += reward
      if arm == testbed.optimalArm { optimalCount[t] += 1 }
      regret += best - testbed.trueValues[arm]
      regretTotal[t] += regret
    }
  }
  let n = Double(runs)
  return BanditCurves(
    runs: runs,
    averageReward: rewardTotal.map { $0 / n },
    optimalActionFraction: optimalCount.map { $0 / n },
    cumulativeRegret: regretTotal.map { $0 / n })
}
