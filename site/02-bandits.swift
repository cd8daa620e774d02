// Chapter 2: Multi-armed bandits
// The cells of chapters/02-bandits.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 02-bandits.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/02-bandits.md:23 ──")
var generator = SeededGenerator(seed: 2024)
let testbed = KArmedTestbed(arms: 10, using: &generator)
var arms = Table(["arm", "true value q*(a)"])
for a in 0..<testbed.armCount {
  let label = a == testbed.optimalArm ? "\(a) (best)" : "\(a)"
  arms.append([label, fixed(testbed.trueValues[a], 2)])
}
print(arms)

print("── cell 2 · chapters/02-bandits.md:63 ──")
var agent = EpsilonGreedyAgent(arms: 10, epsilon: 0.1)
var pulls = [Int](repeating: 0, count: 10)
var total = 0.0
for _ in 0..<1000 {
  let arm = agent.selectArm(using: &generator)
  let reward = testbed.pull(arm, using: &generator)
  agent.update(arm: arm, reward: reward)
  pulls[arm] += 1
  total += reward
}
var learned = Table(["arm", "q*(a)", "estimate Q(a)", "pulls"])
for a in 0..<10 {
  learned.append([
    "\(a)", fixed(testbed.trueValues[a], 2), fixed(agent.estimates[a], 2), "\(pulls[a])",
  ])
}
print(learned)
print("average reward over 1000 pulls:", fixed(total / 1000, 3))

print("── cell 3 · chapters/02-bandits.md:144 ──")
/// 2,000 runs of 1,000 steps; the same seed gives every method the same problems.
func onTestbed(_ agent: some BanditAgent) -> BanditCurves {
  runBanditTestbed(agent, arms: 10, steps: 1000, runs: 2000, seed: 7)
}
let methods: [(name: String, curves: BanditCurves)] = [
  ("greedy (ε = 0)", onTestbed(EpsilonGreedyAgent(arms: 10, epsilon: 0))),
  ("ε = 0.01", onTestbed(EpsilonGreedyAgent(arms: 10, epsilon: 0.01))),
  ("ε = 0.1", onTestbed(EpsilonGreedyAgent(arms: 10, epsilon: 0.1))),
  (
    "optimistic Q₀ = 5, α = 0.1",
    onTestbed(EpsilonGreedyAgent(arms: 10, epsilon: 0, initialValue: 5, learningRate: 0.1))
  ),
  ("UCB, c = 2", onTestbed(UCBAgent(arms: 10, c: 2))),
  ("gradient, α = 0.1", onTestbed(GradientBanditAgent(arms: 10, learningRate: 0.1))),
  ("Thompson sampling", onTestbed(ThompsonSamplingAgent(arms: 10))),
]
var summary = Table([
  "method", "reward, steps 1–100", "reward, last 500", "% optimal, last 500", "regret at 1000",
])
for (name, curves) in methods {
  summary.append([
    name,
    fixed(curves.meanReward(over: 0..<100), 3),
    fixed(curves.meanReward(over: 500..<1000), 3),
    percent(curves.meanOptimalFraction(over: 500..<1000)),
    fixed(curves.cumulativeRegret.last!, 1),
  ])
}
print(summary)

print("── cell 4 · chapters/02-bandits.md:179 ──")
let shown = [0, 2, 3, 4, 5, 6].map { methods[$0] }
var rewardPlot = LinePlot(
  title: "Average reward, 10-armed testbed (2,000 runs)", xLabel: "step",
  yLabel: "average reward")
var optimalPlot = LinePlot(
  title: "Optimal action (2,000 runs)", xLabel: "step", yLabel: "fraction of runs")
var regretPlot = LinePlot(
  title: "Cumulative regret (2,000 runs)", xLabel: "step", yLabel: "Σ (max q* − q*(A))")
for (name, curves) in shown {
  rewardPlot.add(name, y: movingAverage(curves.averageReward, window: 10))
  optimalPlot.add(name, y: movingAverage(curves.optimalActionFraction, window: 10))
  regretPlot.add(name, y: curves.cumulativeRegret)
}
rewardPlot.addReferenceLine(y: 1.54, label: "E[max q*] ≈ 1.54")
display(rewardPlot)
display(optimalPlot)
display(regretPlot)
