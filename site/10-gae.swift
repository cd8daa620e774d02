// Chapter 10: Generalized Advantage Estimation
// The cells of chapters/10-gae.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 10-gae.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/10-gae.md:55 ──")
var generator = SeededGenerator(seed: 5)
let n = 200
let gamma = 0.97
let rewards = (0..<n).map { _ in generator.normal() }
let values = (0..<(n + 1)).map { _ in generator.normal() }
var terminated = (0..<n).map { _ in generator.bernoulli(0.03) }
var truncated = (0..<n).map { t in !terminated[t] && generator.bernoulli(0.02) }
truncated[n - 1] = !terminated[n - 1]  // the batch ends: cut, but bootstrap
let nextValues = (0..<n).map { t in terminated[t] ? 0 : values[t + 1] }
func gae(_ lambda: Double) -> [Double] {
  generalizedAdvantageEstimates(
    rewards: rewards, values: Array(values[0..<n]), nextValues: nextValues,
    terminated: terminated, truncated: truncated, discount: gamma, lambda: lambda
  ).advantages
}
let ends = (0..<n).filter { terminated[$0] || truncated[$0] }
/// The end of the episode that step t belongs to.
func episodeEnd(_ t: Int) -> Int { ends.first { $0 >= t }! }

// λ = 0 against the TD errors.
let delta = (0..<n).map { rewards[$0] + gamma * nextValues[$0] - values[$0] }
let error0 = zip(gae(0), delta).map { abs($0 - $1) }.max()!

// λ = 1 against the discounted return (bootstrapped only at a truncation) minus V.
var error1 = 0.0
for (t, a) in gae(1).enumerated() {
  let end = episodeEnd(t)
  var g = terminated[end] ? 0 : nextValues[end]
  for k in stride(from: end, through: t, by: -1) { g = rewards[k] + gamma * g }
  error1 = max(error1, abs(a - (g - values[t])))
}

// 0 < λ < 1 against the explicit weighted sum of n-step advantages.
let lambda = 0.9
var errorMix = 0.0
for (t, a) in gae(lambda).enumerated() {
  let longest = episodeEnd(t) - t + 1
  var mix = 0.0
  for m in 1...longest {
    var nStep = -values[t]
    for k in 0..<m { nStep += pow(gamma, Double(k)) * rewards[t + k] }
    nStep += pow(gamma, Double(m)) * nextValues[t + m - 1]
    // Weight (1 − λ)λ^(m−1), and the rest of the weight on the longest estimate.
    mix += (m < longest ? (1 - lambda) * pow(lambda, Double(m - 1)) : pow(lambda, Double(m - 1))) * nStep
  }
  errorMix = max(errorMix, abs(a - mix))
}
print("episode ends in the stream: \(terminated.filter { $0 }.count) terminated, \(truncated.filter { $0 }.count) truncated")
var table = Table(["identity", "largest |difference| over 200 steps", "holds to 1e-12"])
table.append(["λ = 0 gives δₜ", String(format: "%.1e", error0), error0 < 1e-12 ? "yes" : "no"])
table.append(["λ = 1 gives Gₜ − V(sₜ)", String(format: "%.1e", error1), error1 < 1e-12 ? "yes" : "no"])
table.append(["λ = 0.9 gives the weighted n-step sum", String(format: "%.1e", errorMix), errorMix < 1e-12 ? "yes" : "no"])
print(table)
export("truncatedCount", truncated.filter { $0 }.count)

print("── cell 2 · chapters/10-gae.md:122 ──")
let total = 40_000
var plot = LinePlot(title: "PPO on CartPole-v1 for several λ (3 seeds, mean ± s.e.)", xLabel: "environment steps", yLabel: "mean episode return")
var summary = Table(["λ", "return at 20k steps", "at 40k steps"])
for lam in [0.0, 0.8, 0.95, 1.0] {
  var curves: [[Double]] = []
  var steps: [Double] = []
  for seed in [1, 2, 3] as [UInt64] {
    var c = PPOConfiguration()
    c.totalSteps = total
    c.hidden = [32, 32]
    c.gaeLambda = lam
    var rng = SeededGenerator(seed: seed)
    let run = trainPPO(configuration: c, using: &rng) { CartPole() }
    let curve = learningCurve(run.episodes, every: 2_048, upTo: total, window: 4_096)
    curves.append(curve.returns)
    steps = curve.steps
  }
  let m = elementwiseMean(curves)
  plot.add("λ = \(fixed(lam, 2))", x: steps, y: m, band: elementwiseStandardError(curves))
  summary.append([fixed(lam, 2), fixed(m[m.count / 2 - 1], 1), fixed(m.last!, 1)])
  let key = "lambda" + fixed(lam, 2).replacingOccurrences(of: ".", with: "")
  export(key + "At20k", fixed(m[m.count / 2 - 1], 0))
  export(key + "At40k", fixed(m.last!, 0))
}
plot.addReferenceLine(y: 475, label: "475")
display(plot)
print(summary)
