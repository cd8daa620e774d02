// Chapter 4: Dynamic programming
// The cells of chapters/04-dynamic-programming.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 04-dynamic-programming.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/04-dynamic-programming.md:38 ──")
var small = GridWorld(rows: 4, columns: 4)  // actions: 0 up, 1 right, 2 down, 3 left
small.terminals = [0, 15]  // −1 per step until a corner is reached
let smallMDP = small.mdp()
let random = TabularPolicy.uniform(stateCount: 16, actionCount: 4)
for k in [1, 2, 3, 10] {
  let partial = evaluatePolicy(
    random, in: smallMDP, discount: 1, threshold: 0, maxSweeps: k, inPlace: false)
  let greedy = greedyActionSets(values: partial.values, in: smallMDP, discount: 1)
  print("k = \(k) sweeps:")
  print(small.valueGrid(partial.values, digits: 1))
  print("greedy policy:")
  print(small.policyGrid(actionSets: greedy))
  print()
}
let converged = evaluatePolicy(random, in: smallMDP, discount: 1, threshold: 1e-10, inPlace: false)
print("converged after \(converged.sweeps) sweeps:")
print(small.valueGrid(converged.values, digits: 1))

print("── cell 2 · chapters/04-dynamic-programming.md:117 ──")
let cliffMDP = CliffWalking.mdp()
let lakeMDP = FrozenLake.mdp(slippery: true)
let problems: [(String, TabularMDP, Double)] = [
  ("4×4 grid, γ = 1", smallMDP, 1),
  ("CliffWalking, γ = 1", cliffMDP, 1),
  ("slippery FrozenLake, γ = 0.99", lakeMDP, 0.99),
]
var costs = Table([
  "problem", "PI rounds", "PI evaluation sweeps", "VI sweeps", "same policy?", "max |v_PI − v_VI|",
])
for (name, mdp, gamma) in problems {
  let pi = policyIteration(mdp, discount: gamma, threshold: 1e-10)
  let vi = valueIteration(mdp, discount: gamma, threshold: 1e-10)
  // "Same policy" allows ties: PI's action must be one of the actions greedy for VI's values.
  let sets = greedyActionSets(values: vi.values, in: mdp, discount: gamma)
  let same = (0..<mdp.stateCount).allSatisfy {
    mdp.isTerminal[$0] || sets[$0].contains(pi.actions[$0])
  }
  let gap = zip(pi.values, vi.values).map { abs($0 - $1) }.max()!
  costs.append([
    name, "\(pi.iterations)", "\(pi.evaluationSweeps)", "\(vi.sweeps)", same ? "yes" : "no",
    String(format: "%.0e", gap),
  ])
}
print(costs)
let randomCliff = TabularPolicy.uniform(stateCount: 48, actionCount: 4)
let randomCliffValues = exactPolicyValues(randomCliff, in: cliffMDP, discount: 1)!
print("\nCliffWalking: value of the random policy at the start:", fixed(randomCliffValues[36], 0))

print("── cell 3 · chapters/04-dynamic-programming.md:162 ──")
let cliff = valueIteration(cliffMDP, discount: 1)
print("CliffWalking v* (γ = 1):")
print(CliffWalking.grid.valueGrid(cliff.values, digits: 0))
print("\ngreedy policy:")
print(CliffWalking.grid.policyGrid(cliff.actions))

print("── cell 4 · chapters/04-dynamic-programming.md:186 ──")
let lakeGrid = FrozenLake.grid(slippery: true)
/// The same dynamics with a reward of 1 for every step: v is then the expected episode length.
let stepCounter = TabularMDP(stateCount: 16, actionCount: 4, isTerminal: lakeMDP.isTerminal) {
  s, a in
  lakeMDP.outcomes(s, a).map { .init(probability: $0.probability, nextState: $0.nextState, reward: 1) }
}
var lakeTable = Table(["γ", "VI sweeps", "v*(start)", "P(reach goal)", "expected steps"])
for gamma in [0.5, 0.9, 0.99, 1.0] {
  let vi = valueIteration(lakeMDP, discount: gamma, threshold: 1e-12)
  let policy = TabularPolicy.deterministic(vi.actions, actionCount: 4)
  let success = exactPolicyValues(policy, in: lakeMDP, discount: 1)!
  let steps = exactPolicyValues(policy, in: stepCounter, discount: 1)!
  lakeTable.append([
    fixed(gamma, 2), "\(vi.sweeps)", fixed(vi.values[0], 4), percent(success[0]),
    fixed(steps[0], 1),
  ])
  print("γ = \(fixed(gamma, 2)):")
  print(lakeGrid.policyGrid(vi.actions))
  print()
}
print(lakeTable)
