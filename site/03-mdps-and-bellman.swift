// Chapter 3: MDPs and the Bellman equations
// The cells of chapters/03-mdps-and-bellman.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 03-mdps-and-bellman.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/03-mdps-and-bellman.md:27 ──")
var grid = GridWorld(rows: 5, columns: 5)  // actions: 0 up, 1 right, 2 down, 3 left
grid.stepReward = 0
grid.bumpReward = -1
grid.jumps[grid.cell(0, 1)] = (target: grid.cell(4, 1), reward: 10)  // A → A′
grid.jumps[grid.cell(0, 3)] = (target: grid.cell(2, 3), reward: 5)  // B → B′
let mdp = grid.mdp()
for (name, state) in [("A", grid.cell(0, 1)), ("corner (0,0)", 0)] {
  var table = Table(["action", "p", "next state", "reward"])
  for a in 0..<4 {
    for o in mdp.outcomes(state, a) {
      table.append([
        "\(grid.moves[a].arrow)", fixed(o.probability, 2), "\(o.nextState)", fixed(o.reward, 0),
      ])
    }
  }
  print("p(s′, r | s = \(name), a):")
  print(table)
}

print("── cell 2 · chapters/03-mdps-and-bellman.md:84 ──")
let gamma = 0.9
let random = TabularPolicy.uniform(stateCount: 25, actionCount: 4)
let exact = exactPolicyValues(random, in: mdp, discount: gamma)!
print("v_π for the equiprobable policy, exact (γ = 0.9):")
print(grid.valueGrid(exact, digits: 1))

print("── cell 3 · chapters/03-mdps-and-bellman.md:110 ──")
var comparison = Table(["threshold θ", "sweeps", "max |v_iter − v_exact|"])
for (label, theta) in [("1e-1", 1e-1), ("1e-3", 1e-3), ("1e-6", 1e-6), ("1e-10", 1e-10)] {
  let iterative = evaluatePolicy(random, in: mdp, discount: gamma, threshold: theta)
  let gap = zip(iterative.values, exact).map { abs($0 - $1) }.max()!
  comparison.append([label, "\(iterative.sweeps)", String(format: "%.1e", gap)])
}
print(comparison)

print("── cell 4 · chapters/03-mdps-and-bellman.md:132 ──")
let q = actionValues(from: exact, in: mdp, discount: gamma)
var qTable = Table(["state", "q(s,↑)", "q(s,→)", "q(s,↓)", "q(s,←)", "Σ π(a|s) q(s,a)", "v(s)"])
let examples = [("A (0,1)", grid.cell(0, 1)), ("(0,0)", 0), ("(2,2)", grid.cell(2, 2)), ("(4,4)", 24)]
for (name, s) in examples {
  let average = (0..<4).map { q[s, $0] }.reduce(0, +) / 4
  qTable.append(
    [name] + (0..<4).map { fixed(q[s, $0], 2) } + [fixed(average, 2), fixed(exact[s], 2)])
}
print(qTable)

print("── cell 5 · chapters/03-mdps-and-bellman.md:159 ──")
let optimal = valueIteration(mdp, discount: gamma, threshold: 1e-10)
print("v* (value iteration, \(optimal.sweeps) sweeps):")
print(grid.valueGrid(optimal.values, digits: 1))
print("\nπ* (every optimal action drawn):")
let optimalSets = greedyActionSets(values: optimal.values, in: mdp, discount: gamma)
print(grid.policyGrid(actionSets: optimalSets))

// Two checks: the Bellman optimality equation holds, and the greedy policy's exact value is v*.
var residual = 0.0
for s in 0..<25 {
  let best = (0..<4).map { mdp.lookahead(s, $0, values: optimal.values, discount: gamma) }.max()!
  residual = max(residual, abs(optimal.values[s] - best))
}
let greedyPolicy = TabularPolicy.deterministic(optimal.actions, actionCount: 4)
let greedyValues = exactPolicyValues(greedyPolicy, in: mdp, discount: gamma)!
let gap = zip(greedyValues, optimal.values).map { abs($0 - $1) }.max()!
print("\nBellman optimality residual, max over s:", String(format: "%.1e", residual))
print("max |v* − exact value of the greedy policy|:", String(format: "%.1e", gap))
