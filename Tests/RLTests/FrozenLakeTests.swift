import Testing

@testable import RL

@Suite("FrozenLake")
struct FrozenLakeTests {
  @Test("Deterministic ice: Gymnasium's action numbering")
  func deterministic() {
    var env = FrozenLake.environment(slippery: false)
    #expect(env.reset(seed: 1) == 0)
    // 0 left, 1 down, 2 right, 3 up
    #expect(env.step(0).observation == 0)
    #expect(env.step(2).observation == 1)
    #expect(env.step(1) == Step(observation: 5, reward: 0, terminated: true))  // hole
    _ = env.reset(seed: 1)
    for a in [1, 1, 2, 1, 2] { #expect(!env.step(a).isDone) }
    #expect(env.step(2) == Step(observation: 15, reward: 1, terminated: true))
  }

  @Test("Slippery ice: intended or perpendicular, 1/3 each")
  func slipperyModel() {
    let mdp = FrozenLake.mdp(slippery: true)
    let outcomes = mdp.outcomes(0, 2)  // right from the start
    #expect(Set(outcomes.map(\.nextState)) == [0, 1, 4])  // up bumps, right, down
    #expect(outcomes.allSatisfy { abs($0.probability - 1.0 / 3) < 1e-15 })
    #expect(mdp.outcomes(14, 2).contains { $0.nextState == 15 && $0.reward == 1 })
  }

  @Test("Slippery sampling frequencies match the model")
  func slipperySampling() {
    var env = FrozenLake.environment(slippery: true)
    var g = SeededGenerator(seed: 5)
    var counts = [Int: Int]()
    let n = 30_000
    for _ in 0..<n {
      _ = env.reset(using: &g)
      counts[env.step(2).observation, default: 0] += 1
    }
    for s in [0, 1, 4] { #expect(abs(Double(counts[s]!) / Double(n) - 1.0 / 3) < 0.01) }
  }

  @Test("Truncation after 100 steps (not termination)")
  func timeLimit() {
    var env = FrozenLake.environment(slippery: false)
    _ = env.reset(seed: 0)
    for _ in 0..<99 { #expect(!env.step(0).isDone) }
    let last = env.step(0)
    #expect(last.truncated && !last.terminated)
  }

  @Test("Slippery optimum: success probability from the start, γ = 1")
  func optimalSuccess() {
    let vi = valueIteration(FrozenLake.mdp(slippery: true), discount: 1, threshold: 1e-12)
    // The best policy reaches the goal with probability ≈ 0.824 without a time limit.
    #expect(fixed(vi.values[0], 3) == "0.824")
  }
}
