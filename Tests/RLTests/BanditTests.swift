import Testing

@testable import RL

/// Runs and steps kept small enough for a debug build, large enough for stable bands.
let banditRuns = 400
let banditSteps = 1000
let late = 500..<1000

@Suite("10-armed testbed")
struct BanditTests {
  @Test("ε = 0.1 earns about 1.3–1.4 late; greedy (ε = 0) about 1.0 (Figure 2.2)")
  func epsilonGreedyBands() {
    let explore = runBanditTestbed(
      EpsilonGreedyAgent(arms: 10, epsilon: 0.1), steps: banditSteps, runs: banditRuns, seed: 1)
    let greedy = runBanditTestbed(
      EpsilonGreedyAgent(arms: 10, epsilon: 0), steps: banditSteps, runs: banditRuns, seed: 1)
    let exploreLate = explore.meanReward(over: late)
    let greedyLate = greedy.meanReward(over: late)
    #expect(exploreLate > 1.25 && exploreLate < 1.45)
    #expect(greedyLate > 0.9 && greedyLate < 1.15)
    #expect(explore.meanOptimalFraction(over: late) > 0.75)
    #expect(greedy.meanOptimalFraction(over: late) < 0.45)
  }

  @Test("UCB (c = 2) beats ε-greedy (ε = 0.1) after the first steps (Figure 2.4)")
  func ucbBeatsEpsilonGreedy() {
    let ucb = runBanditTestbed(
      UCBAgent(arms: 10, c: 2), steps: banditSteps, runs: banditRuns, seed: 2)
    let eps = runBanditTestbed(
      EpsilonGreedyAgent(arms: 10, epsilon: 0.1), steps: banditSteps, runs: banditRuns, seed: 2)
    #expect(ucb.meanReward(over: 100..<1000) > eps.meanReward(over: 100..<1000) + 0.05)
    // The first ten pulls try every arm once, so step 11 is UCB's first informed choice.
    #expect(ucb.averageReward[10] > eps.averageReward[10])
  }

  @Test(
    "Optimistic greedy (Q₀ = 5, α = 0.1) beats realistic ε = 0.1 in % optimal late (Figure 2.3)")
  func optimisticBeatsRealistic() {
    let optimistic = runBanditTestbed(
      EpsilonGreedyAgent(arms: 10, epsilon: 0, initialValue: 5, learningRate: 0.1),
      steps: banditSteps, runs: banditRuns, seed: 3)
    let realistic = runBanditTestbed(
      EpsilonGreedyAgent(arms: 10, epsilon: 0.1, initialValue: 0, learningRate: 0.1),
      steps: banditSteps, runs: banditRuns, seed: 3)
    #expect(
      optimistic.meanOptimalFraction(over: late) > realistic.meanOptimalFraction(over: late) + 0.05)
    // Early on the optimistic agent is worse: it is still trying every arm.
    #expect(
      optimistic.meanOptimalFraction(over: 0..<10) < realistic.meanOptimalFraction(over: 0..<10)
        + 0.05)
  }

  @Test("Gradient bandit: the baseline matters when rewards are offset by +4 (Figure 2.5)")
  func gradientBaseline() {
    let with = runBanditTestbed(
      GradientBanditAgent(arms: 10, learningRate: 0.1, baseline: true), steps: 500, runs: 200,
      meanOffset: 4, seed: 4)
    let without = runBanditTestbed(
      GradientBanditAgent(arms: 10, learningRate: 0.1, baseline: false), steps: 500, runs: 200,
      meanOffset: 4, seed: 4)
    #expect(with.meanOptimalFraction(over: 250..<500) > 0.7)
    #expect(
      with.meanOptimalFraction(over: 250..<500) > without.meanOptimalFraction(over: 250..<500) + 0.2
    )
  }

  @Test("Thompson sampling: low regret, mostly optimal late")
  func thompson() {
    let ts = runBanditTestbed(
      ThompsonSamplingAgent(arms: 10), steps: banditSteps, runs: 200, seed: 5)
    let eps = runBanditTestbed(
      EpsilonGreedyAgent(arms: 10, epsilon: 0.1), steps: banditSteps, runs: 200, seed: 5)
    #expect(ts.cumulativeRegret.last! < eps.cumulativeRegret.last!)
    #expect(ts.meanOptimalFraction(over: late) > 0.8)
  }

  @Test("Sample averages are exact means; the Gaussian posterior update is conjugate")
  func updates() {
    var agent = EpsilonGreedyAgent(arms: 2, epsilon: 0)
    for r in [1.0, 2, 6] { agent.update(arm: 1, reward: r) }
    #expect(agent.estimates[1] == 3)
    var ts = ThompsonSamplingAgent(arms: 1, priorMean: 0, priorVariance: 1, noiseVariance: 1)
    ts.update(arm: 0, reward: 2)
    #expect(ts.means[0] == 1 && ts.precisions[0] == 2)
  }
}
