import Testing

@testable import RL

@Suite("Monte Carlo, TD and Dyna-Q")
struct TemporalDifferenceTests {
  @Test("TD(0) and MC prediction converge on the random walk (Example 6.2)")
  func randomWalkPrediction() {
    let truth = RandomWalk.trueValues()
    let policy = TabularPolicy.uniform(stateCount: 7, actionCount: 2)
    var env = RandomWalk.environment()
    var g = SeededGenerator(seed: 11)
    var td = TDZeroPredictor(stateCount: 7, learningRate: 0.02, initialValue: 0.5)
    var mc = MonteCarloPredictor(stateCount: 7)
    for _ in 0..<3000 {
      td.runEpisode(policy: policy, in: &env, using: &g)
      mc.runEpisode(policy: policy, in: &env, using: &g)
    }
    #expect(rootMeanSquareError(td.values, truth, over: Array(1...5)) < 0.05)
    #expect(rootMeanSquareError(mc.values, truth, over: Array(1...5)) < 0.03)
  }

  @Test("n-step Sarsa with n = 1 is exactly Sarsa")
  func nStepOneIsSarsa() {
    var g1 = SeededGenerator(seed: 3)
    var g2 = SeededGenerator(seed: 3)
    var env1 = CliffWalking.environment()
    var env2 = CliffWalking.environment()
    var sarsa = TDControlLearner(.sarsa, stateCount: 48, actionCount: 4, learningRate: 0.5)
    var nStep = NStepSarsaLearner(n: 1, stateCount: 48, actionCount: 4, learningRate: 0.5)
    let a = sarsa.train(in: &env1, episodes: 50, using: &g1)
    let b = nStep.train(in: &env2, episodes: 50, using: &g2)
    #expect(a == b)
    #expect(sarsa.q == nStep.q)
  }

  @Test("Expected Sarsa with ε = 0 is exactly Q-learning with ε = 0")
  func expectedSarsaGreedyIsQLearning() {
    var g1 = SeededGenerator(seed: 4)
    var g2 = SeededGenerator(seed: 4)
    var env1 = CliffWalking.environment()
    var env2 = CliffWalking.environment()
    var expected = TDControlLearner(
      .expectedSarsa, stateCount: 48, actionCount: 4, learningRate: 0.5, epsilon: 0)
    var q = TDControlLearner(
      .qLearning, stateCount: 48, actionCount: 4, learningRate: 0.5, epsilon: 0)
    #expect(
      expected.train(in: &env1, episodes: 30, using: &g1)
        == q.train(in: &env2, episodes: 30, using: &g2))
    #expect(expected.q == q.q)
  }

  @Test("Dyna-Q with no planning is exactly Q-learning")
  func dynaZeroIsQLearning() {
    var g1 = SeededGenerator(seed: 5)
    var g2 = SeededGenerator(seed: 5)
    var env1 = DynaMaze.environment()
    var env2 = DynaMaze.environment()
    var dyna = DynaQLearner(planningSteps: 0, stateCount: 54, actionCount: 4)
    var q = TDControlLearner(
      .qLearning, stateCount: 54, actionCount: 4, learningRate: 0.1, discount: 0.95)
    for _ in 0..<20 {
      #expect(dyna.runEpisode(in: &env1, using: &g1) == q.runEpisode(in: &env2, using: &g2))
    }
    #expect(dyna.q == q.q)
  }

  @Test("Planning speeds up learning on the Dyna maze (Figure 8.2)")
  func planningHelps() {
    func secondToTenthEpisodes(_ n: Int) -> Double {
      var total = 0.0
      for seed in 0..<5 as Range<UInt64> {
        var g = SeededGenerator(seed: seed)
        var env = DynaMaze.environment()
        var dyna = DynaQLearner(planningSteps: n, stateCount: 54, actionCount: 4)
        for episode in 0..<10 {
          let length = dyna.runEpisode(in: &env, using: &g).length
          if episode >= 1 { total += Double(length) }
        }
      }
      return total / 45
    }
    let none = secondToTenthEpisodes(0)
    let fifty = secondToTenthEpisodes(50)
    #expect(fifty < 25)  // the shortest path is 14 steps
    #expect(none > 2 * fifty)
  }

  @Test("Monte Carlo control with ε-soft policies learns deterministic FrozenLake")
  func monteCarloControl() {
    var g = SeededGenerator(seed: 6)
    var env = FrozenLake.environment(slippery: false)
    var learner = MonteCarloControlLearner(
      stateCount: 16, actionCount: 4, epsilon: 0.1, discount: 0.9)
    for _ in 0..<3000 { _ = learner.runEpisode(in: &env, using: &g) }
    let greedy = greedyEpisode(of: learner.q, in: env, maxSteps: 100, using: &g)
    #expect(greedy.totalReward == 1 && greedy.length == 6)
  }
}
