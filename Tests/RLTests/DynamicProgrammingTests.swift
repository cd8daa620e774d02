import Testing

@testable import RL

/// A random MDP with `states` states (the last one terminal) and 3 outcomes per pair.
func randomMDP(states: Int, actions: Int, seed: UInt64) -> TabularMDP {
  var g = SeededGenerator(seed: seed)
  let terminal = (0..<states).map { $0 == states - 1 }
  return TabularMDP(stateCount: states, actionCount: actions, isTerminal: terminal) { _, _ in
    let weights = (0..<3).map { _ in g.uniform(0.1, 1) }
    let total = weights.reduce(0, +)
    return weights.map {
      .init(probability: $0 / total, nextState: g.int(below: states), reward: g.normal())
    }
  }
}

@Suite("Dynamic programming")
struct DynamicProgrammingTests {
  @Test("Exact and iterative evaluation agree to 1e-9", arguments: [0.9, 0.99])
  func exactMatchesIterative(discount: Double) throws {
    let mdps = [
      exampleThreeFiveGrid().mdp(), FrozenLake.mdp(slippery: true), CliffWalking.mdp(),
      randomMDP(states: 30, actions: 4, seed: 7),
    ]
    for mdp in mdps {
      let policy = TabularPolicy.uniform(stateCount: mdp.stateCount, actionCount: mdp.actionCount)
      let iterative = evaluatePolicy(policy, in: mdp, discount: discount, threshold: 1e-13)
      let exact = try #require(exactPolicyValues(policy, in: mdp, discount: discount))
      for s in 0..<mdp.stateCount { #expect(abs(exact[s] - iterative.values[s]) < 1e-9) }
    }
  }

  @Test("Exact evaluation with γ = 1 on Example 4.1")
  func exactUndiscounted() throws {
    let mdp = exampleFourOneGrid().mdp()
    let policy = TabularPolicy.uniform(stateCount: 16, actionCount: 4)
    let exact = try #require(exactPolicyValues(policy, in: mdp, discount: 1))
    let iterative = evaluatePolicy(policy, in: mdp, discount: 1, threshold: 1e-13).values
    for s in 0..<16 { #expect(abs(exact[s] - iterative[s]) < 1e-9) }
  }

  @Test("A policy that never terminates has no γ = 1 solution")
  func singularSystem() {
    let mdp = exampleFourOneGrid().mdp()
    let alwaysUp = TabularPolicy.deterministic(Array(repeating: 0, count: 16), actionCount: 4)
    #expect(exactPolicyValues(alwaysUp, in: mdp, discount: 1) == nil)
  }

  @Test("Policy iteration and value iteration reach the same optimal policy")
  func policyIterationMatchesValueIteration() {
    for seed in [1, 2, 3] as [UInt64] {
      let mdp = randomMDP(states: 25, actions: 4, seed: seed)
      let vi = valueIteration(mdp, discount: 0.9, threshold: 1e-12)
      let pi = policyIteration(mdp, discount: 0.9)
      let piExact = policyIteration(mdp, discount: 0.9, exactEvaluation: true)
      #expect(pi.actions == vi.actions)
      #expect(piExact.actions == vi.actions)
      for s in 0..<mdp.stateCount { #expect(abs(pi.values[s] - vi.values[s]) < 1e-8) }
      #expect(pi.iterations < vi.sweeps)
    }
  }

  @Test("On grids with ties, PI's actions are greedy for VI's values")
  func policyIterationOnGrids() {
    for (mdp, gamma) in [(exampleThreeFiveGrid().mdp(), 0.9), (FrozenLake.mdp(), 0.99)] {
      let vi = valueIteration(mdp, discount: gamma, threshold: 1e-12)
      let pi = policyIteration(mdp, discount: gamma)
      let sets = greedyActionSets(values: vi.values, in: mdp, discount: gamma)
      for s in 0..<mdp.stateCount where !mdp.isTerminal[s] {
        #expect(sets[s].contains(pi.actions[s]))
        #expect(abs(pi.values[s] - vi.values[s]) < 1e-8)
      }
    }
  }

  @Test("A looser threshold takes fewer sweeps")
  func thresholdControlsSweeps() {
    let mdp = exampleThreeFiveGrid().mdp()
    let loose = valueIteration(mdp, discount: 0.9, threshold: 1e-2)
    let tight = valueIteration(mdp, discount: 0.9, threshold: 1e-10)
    #expect(loose.sweeps < tight.sweeps)
    // With the contraction factor 0.9, the error after the last sweep is bounded.
    for s in 0..<25 { #expect(abs(loose.values[s] - tight.values[s]) < 1e-2 * 0.9 / 0.1 + 1e-9) }
  }
}
