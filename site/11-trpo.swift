// Chapter 11: Importance Sampling and TRPO
// The cells of chapters/11-trpo.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 11-trpo.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/11-trpo.md:24 ──")
var generator = SeededGenerator(seed: 21)
var table = Table(["μ (distance)", "mean estimate", "spread (s.d.)", "Var[w] theory", "effective samples of 1000"])
for mu in [0.0, 0.5, 1.0, 2.0, 3.0] {
  var estimates: [Double] = []
  var effective: [Double] = []
  for _ in 0..<200 {
    var sum = 0.0, sumW = 0.0, sumW2 = 0.0
    for _ in 0..<1_000 {
      let x = generator.normal()
      let w = exp(mu * x - mu * mu / 2)
      sum += w * x
      sumW += w
      sumW2 += w * w
    }
    estimates.append(sum / 1_000)
    effective.append(sumW * sumW / sumW2)
  }
  table.append([
    fixed(mu, 1), fixed(mean(estimates), 3), fixed(standardDeviation(estimates), 3),
    fixed(exp(mu * mu) - 1, 1), fixed(mean(effective), 1),
  ])
  if mu == 0 { export("spreadAtZero", fixed(standardDeviation(estimates), 2)) }
  if mu == 1 { export("effectiveAtOne", fixed(mean(effective), 0)) }
  if mu == 2 {
    export("effectiveAtTwo", fixed(mean(effective), 0))
    export("spreadAtTwo", fixed(standardDeviation(estimates), 0))
  }
  if mu == 3 { export("estimateAtThree", fixed(mean(estimates), 1)) }
}
print(table)

print("── cell 2 · chapters/11-trpo.md:82 ──")
let pOld = 0.3
let jOld = ShortCorridor.value(probabilityRight: pOld)
// Exact cell values and expected visit counts under π_old.
let v1 = (pOld - 3) / (pOld * (1 - pOld))
let v: [Double] = [v1 - 1 / pOld, v1, -1 + (1 - pOld) * v1]
let visits: [Double] = [(2 - pOld) / (pOld * (1 - pOld)), 1 / (pOld * (1 - pOld)), 1 / pOld]
// Q(s, right) and Q(s, left) for the three cells; in cell 1 the actions are switched.
let qRight: [Double] = [-1 + v[1], -1 + v[0], -1]
let qLeft: [Double] = [-1 + v[0], -1 + v[2], -1 + v[1]]
var slope = 0.0
for s in 0..<3 { slope += visits[s] * (qRight[s] - qLeft[s]) }
func surrogate(_ p: Double) -> Double { jOld + (p - pOld) * slope }
func bernoulliKL(_ a: Double, _ b: Double) -> Double {
  a * log(a / b) + (1 - a) * log((1 - a) / (1 - b))
}
let h = 1e-6
let trueSlope = (ShortCorridor.value(probabilityRight: pOld + h) - ShortCorridor.value(probabilityRight: pOld - h)) / (2 * h)
print("at p_old = \(fixed(pOld, 2)): dJ/dp = \(fixed(trueSlope, 3)), surrogate slope = \(fixed(slope, 3))")
export("surrogateSlope", fixed(slope, 3))

var plot = LinePlot(title: "Short corridor: the surrogate L (linear) against the true J", xLabel: "p = π(right)", yLabel: "value")
let grid = stride(from: 0.05, through: 0.95, by: 0.01).map { $0 }
plot.add("true J(p)", x: grid, y: grid.map { ShortCorridor.value(probabilityRight: $0) })
plot.add("surrogate L(p), built at p = 0.3", x: grid, y: grid.map(surrogate), dashed: true)
plot.yRange = -40 ... 10
display(plot)

var rows = Table(["p", "KL(π_old ‖ π_p)", "surrogate L", "true J", "J − J(p_old)"])
for p in [0.3, 0.35, 0.45, 0.586, 0.7, 0.8, 0.9] {
  let j = ShortCorridor.value(probabilityRight: p)
  rows.append([fixed(p, 3), fixed(bernoulliKL(pOld, p), 4), fixed(surrogate(p), 2), fixed(j, 2), fixed(j - jOld, 2)])
  if p == 0.35 {
    export("promisedNear", fixed(surrogate(p) - jOld, 2))
    export("gainNear", fixed(j - jOld, 2))
  }
  if p == 0.586 {
    export("gainAtPeak", fixed(j - jOld, 2))
    export("promisedAtPeak", fixed(surrogate(p) - jOld, 1))
  }
  if p == 0.9 { export("fallAtNinety", fixed(jOld - j, 2)) }
}
print(rows)

print("── cell 3 · chapters/11-trpo.md:179 ──")
var settings = TRPOConfiguration()
settings.totalSteps = 61_440  // 60 updates of 4 × 256 steps
settings.maxKL = 0.01
var rng = SeededGenerator(seed: 1)
let run = trainTRPO(configuration: settings, using: &rng) { CartPole() }
let updates = run.updates
let kls = updates.map(\.kl)
var stats = Table(["updates", "δ", "largest KL", "mean KL", "full steps", "shortened", "rejected"])
stats.append([
  "\(updates.count)", fixed(settings.maxKL, 3), fixed(kls.max()!, 4), fixed(mean(kls), 4),
  "\(updates.filter { $0.stepFraction == 1 }.count)",
  "\(updates.filter { $0.stepFraction > 0 && $0.stepFraction < 1 }.count)",
  "\(updates.filter { $0.stepFraction == 0 }.count)",
])
print(stats)
print("every update within the trust region: \(kls.allSatisfy { $0 <= settings.maxKL } ? "yes" : "no")")

var klPlot = LinePlot(title: "TRPO on CartPole-v1: KL(π_old ‖ π_new) of each update", xLabel: "update", yLabel: "mean KL")
klPlot.add("measured KL", y: kls)
klPlot.addReferenceLine(y: settings.maxKL, label: "δ = 0.01")
display(klPlot)

let curve = learningCurve(run.episodes, every: 4_096, upTo: settings.totalSteps, window: 8_192)
var returnPlot = LinePlot(title: "TRPO on CartPole-v1 (seed 1)", xLabel: "environment steps", yLabel: "mean episode return")
returnPlot.add("TRPO", x: curve.steps, y: curve.returns)
returnPlot.addReferenceLine(y: 475, label: "475")
display(returnPlot)
print("mean return of episodes in the last 8,192 steps: \(fixed(curve.returns.last!, 1))")
export("updateCount", updates.count)
export("largestKL", fixed(kls.max()!, 4))
export("meanKL", fixed(mean(kls), 4))
export("finalReturn", fixed(curve.returns.last!, 0))
