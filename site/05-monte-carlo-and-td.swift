// Chapter 5: Monte Carlo and TD
// The cells of chapters/05-monte-carlo-and-td.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 05-monte-carlo-and-td.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/05-monte-carlo-and-td.md:29 ──")
let walk = RandomWalk.mdp(innerStates: 5)
let truth = RandomWalk.trueValues(innerStates: 5)  // 1/6 … 5/6
let middle = 3
var generator = SeededGenerator(seed: 1)
var mcTargets = [Double]()
var tdTargets = [Double]()
var walkEnv = RandomWalk.environment(innerStates: 5)
let coin = TabularPolicy.uniform(stateCount: 7, actionCount: 2)
for _ in 0..<20_000 {
  var state = walkEnv.reset(using: &generator)
  var firstStep = true
  var rewardSum = 0.0
  while true {
    let step = walkEnv.step(coin.sampleAction(in: state, using: &generator))
    rewardSum += step.reward
    if firstStep {
      tdTargets.append(step.reward + (step.terminated ? 0 : truth[step.observation]))
      firstStep = false
    }
    if step.isDone { break }
    state = step.observation
  }
  mcTargets.append(rewardSum)
}
var targets = Table(["target for v(C)", "mean", "variance", "true v(C)"])
for (name, samples) in [("Monte Carlo: G", mcTargets), ("TD: R + γ v(S′), true v", tdTargets)] {
  targets.append([
    name, fixed(mean(samples), 3), fixed(variance(samples), 3), fixed(truth[middle], 3),
  ])
}
print(targets)

print("── cell 2 · chapters/05-monte-carlo-and-td.md:87 ──")
let runs = 100
let episodes = 100
let inner = Array(1...5)
/// The RMS error after each episode, averaged over runs. `makeLearner` returns a closure that
/// plays one episode and returns the current estimates.
func rmsCurve(
  _ makeLearner: () -> (inout TabularEnvironment, inout SeededGenerator) -> [Double]
) -> [Double] {
  var total = [Double](repeating: 0, count: episodes)
  for run in 0..<runs {
    var g = SeededGenerator(seed: UInt64(run))
    var env = RandomWalk.environment(innerStates: 5)
    let episode = makeLearner()
    for e in 0..<episodes {
      total[e] += rootMeanSquareError(episode(&env, &g), truth, over: inner) / Double(runs)
    }
  }
  return total
}
func td(_ alpha: Double) -> [Double] {
  rmsCurve {
    var learner = TDZeroPredictor(stateCount: 7, learningRate: alpha, initialValue: 0.5)
    return { env, g in
      learner.runEpisode(policy: coin, in: &env, using: &g)
      return learner.values
    }
  }
}
func mc(_ alpha: Double) -> [Double] {
  rmsCurve {
    var learner = MonteCarloPredictor(stateCount: 7, learningRate: alpha, initialValue: 0.5)
    return { env, g in
      learner.runEpisode(policy: coin, in: &env, using: &g)
      return learner.values
    }
  }
}
let curves: [(String, [Double])] = [
  ("TD α = 0.05", td(0.05)), ("TD α = 0.1", td(0.1)), ("TD α = 0.15", td(0.15)),
  ("MC α = 0.01", mc(0.01)), ("MC α = 0.02", mc(0.02)), ("MC α = 0.04", mc(0.04)),
]
var rmsPlot = LinePlot(
  title: "Random walk: RMS error of V (100 runs)", xLabel: "episode",
  yLabel: "RMS error over 5 states")
var rmsTable = Table(["method", "after 10 episodes", "after 50", "after 100"])
for (name, curve) in curves {
  rmsPlot.add(name, y: curve, dashed: name.hasPrefix("MC"))
  rmsTable.append([name, fixed(curve[9], 3), fixed(curve[49], 3), fixed(curve[99], 3)])
}
print(rmsTable)
display(rmsPlot)

print("── cell 3 · chapters/05-monte-carlo-and-td.md:186 ──")
let cliffRuns = 50
let cliffEpisodes = 500
var online: [TDControlMethod: [Double]] = [:]
var greedyReturns: [TDControlMethod: [Double]] = [:]
var lastQ: [TDControlMethod: QTable] = [:]
for method in TDControlMethod.allCases {
  var curve = [Double](repeating: 0, count: cliffEpisodes)
  for run in 0..<cliffRuns {
    var g = SeededGenerator(seed: UInt64(1000 + run))
    var env = CliffWalking.environment()
    var learner = TDControlLearner(
      method, stateCount: 48, actionCount: 4, learningRate: 0.5, epsilon: 0.1)
    let summaries = learner.train(in: &env, episodes: cliffEpisodes, using: &g)
    for e in 0..<cliffEpisodes { curve[e] += summaries[e].totalReward / Double(cliffRuns) }
    let greedy = greedyEpisode(of: learner.q, in: env, maxSteps: 200, using: &g)
    greedyReturns[method, default: []].append(greedy.totalReward)
    lastQ[method] = learner.q
  }
  online[method] = curve
}
var cliffTable = Table([
  "method", "online return, last 100", "greedy path −13", "−15", "−17", "other",
])
for method in TDControlMethod.allCases {
  let greedy = greedyReturns[method]!
  let count = { (r: Double) in "\(greedy.filter { $0 == r }.count)" }
  let other = greedy.filter { ![-13, -15, -17].contains($0) }.count
  cliffTable.append([
    method.rawValue, fixed(mean(Array(online[method]!.suffix(100))), 1),
    count(-13), count(-15), count(-17), "\(other)",
  ])
}
print(cliffTable)
var cliffPlot = LinePlot(
  title: "CliffWalking: online return (50 runs, 10-episode moving average)", xLabel: "episode",
  yLabel: "sum of rewards in episode")
for method in TDControlMethod.allCases {
  cliffPlot.add(method.rawValue, y: movingAverage(online[method]!, window: 10))
}
cliffPlot.yRange = -100...0
cliffPlot.addReferenceLine(y: -13, label: "optimal path, −13")
display(cliffPlot)
for method in [TDControlMethod.sarsa, .qLearning] {
  print("\n\(method.rawValue), greedy policy of the last run:")
  print(CliffWalking.grid.policyGrid(lastQ[method]!.greedyActions))
}

print("── cell 4 · chapters/05-monte-carlo-and-td.md:281 ──")
var nTable = Table(["n", "α = 0.1", "α = 0.2", "α = 0.4", "α = 0.8"])
for n in [1, 2, 4, 8, 16] {
  var row = ["\(n)"]
  for alpha in [0.1, 0.2, 0.4, 0.8] {
    var total = 0.0
    for run in 0..<20 {
      var g = SeededGenerator(seed: UInt64(run))
      var env = CliffWalking.environment()
      var learner = NStepSarsaLearner(
        n: n, stateCount: 48, actionCount: 4, learningRate: alpha, epsilon: 0.1)
      let episodes = learner.train(in: &env, episodes: 100, maxSteps: 10_000, using: &g)
      total += mean(episodes.map(\.totalReward)) / 20
    }
    row.append(fixed(total, 1))
  }
  nTable.append(row)
}
print(nTable)
