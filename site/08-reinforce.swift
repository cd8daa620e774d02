// Chapter 8: REINFORCE and Baselines
// The cells of chapters/08-reinforce.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 08-reinforce.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/08-reinforce.md:60 ──")
var generator = SeededGenerator(seed: 11)
var policy = CategoricalPolicy(observationSize: 1, actionCount: 2, hidden: [], using: &generator)
policy.network.parameters = [0.1, 0.4, -0.2, 0.3]
let p = policy.distribution([1]).probabilities[1]
let j = ShortCorridor.value(probabilityRight: p)

var corridor = ShortCorridor()
let baselines: [(String, Double)] = [("none", 0), ("b = -6", -6), ("b = J", j), ("b = -20", -20)]
var samples = [[Double]](repeating: [], count: baselines.count)
for _ in 0..<20_000 {
  let episode = sampleEpisode(policy, in: &corridor, using: &generator)
  for (k, (_, b)) in baselines.enumerated() {
    let bs = [Double](repeating: b, count: episode.count)
    // The gradient in the "right" bias; the other coordinates are ± the same number.
    samples[k].append(reinforceGradient(policy, episode: episode, discount: 1, baselines: bs)[3])
  }
}
print("π(right) = \(fixed(p, 3)), J = \(fixed(j, 2))")
var table = Table(["baseline", "mean estimate", "± s.e.", "variance", "variance vs none"])
for (k, (name, _)) in baselines.enumerated() {
  table.append([
    name, fixed(mean(samples[k]), 3), fixed(standardError(samples[k]), 3),
    fixed(variance(samples[k]), 1), fixed(variance(samples[k]) / variance(samples[0]), 3),
  ])
}
print(table)
let means = samples.map { mean($0) }
export("meanEstimateHigh", fixed(means.max()!, 2))
export("meanEstimateLow", fixed(means.min()!, 2))
export("varianceRatioJ", percent(variance(samples[2]) / variance(samples[0]), 0))
export("varianceRatioMinus6", percent(variance(samples[1]) / variance(samples[0]), 0))
export("varianceRatioMinus20", percent(variance(samples[3]) / variance(samples[0]), 0))
export("corridorJ", fixed(j, 0))

print("── cell 2 · chapters/08-reinforce.md:112 ──")
var settings = REINFORCEConfiguration()
settings.episodes = 600
settings.hidden = [32]
settings.policyLearningRate = 0.01
let seeds: [UInt64] = [1, 2, 3]
var plot = LinePlot(title: "REINFORCE on CartPole-v1 (3 seeds, mean ± s.e.)", xLabel: "episode", yLabel: "return (moving average of 20)")
var summary = Table(["variant", "mean return, episodes 1–100", "episodes 501–600", "first episode ≥ 475 (avg of 20)"])
for useBaseline in [false, true] {
  settings.useBaseline = useBaseline
  var curves: [[Double]] = []
  var raws: [[Double]] = []
  var firstSolved: [String] = []
  for seed in seeds {
    var rng = SeededGenerator(seed: seed)
    let run = trainREINFORCE(configuration: settings, using: &rng) { CartPole() }
    let smooth = movingAverage(run.episodes.map(\.return), window: 20)
    curves.append(smooth)
    raws.append(run.episodes.map(\.return))
    firstSolved.append(smooth.firstIndex { $0 >= 475 }.map { "\($0 + 1)" } ?? "–")
  }
  let name = useBaseline ? "with learned baseline" : "no baseline"
  plot.add(name, y: elementwiseMean(curves), band: elementwiseStandardError(curves))
  summary.append([
    name, fixed(mean(raws.map { mean(Array($0[0..<100])) }), 1),
    fixed(mean(raws.map { mean(Array($0[500..<600])) }), 1), firstSolved.joined(separator: ", "),
  ])
  let key = useBaseline ? "baseline" : "noBaseline"
  export(key + "EarlyReturn", fixed(mean(raws.map { mean(Array($0[0..<100])) }), 0))
  export(key + "LateReturn", fixed(mean(raws.map { mean(Array($0[500..<600])) }), 0))
  let solved = firstSolved.filter { $0 != "–" }
  export(key + "SolvedAt", solved.dropLast().joined(separator: ", ") + " and " + solved.last!)
}
plot.addReferenceLine(y: 475, label: "solved (475)")
display(plot)
print(summary)
