// Chapter 12: PPO
// The cells of chapters/12-ppo.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 12-ppo.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/12-ppo.md:34 ──")
let epsilon = 0.2
var cases = Table(["Â", "ratio r", "min picks", "objective", "∂/∂ log π", "clip active?", "meaning"])
let meanings = [
  "good action made rarer: push it back up",
  "good action, inside the range: push up",
  "good action already up by > ε: stop",
  "bad action already down by > ε: stop",
  "bad action, inside the range: push down",
  "bad action made likelier: push it back down",
]
var k = 0
for advantage in [1.0, -1.0] {
  let ratios = advantage > 0 ? [0.7, 1.1, 1.5] : [0.7, 1.1, 1.5]
  for r in ratios {
    let s = clippedSurrogateLoss(logRatio: log(r), advantage: advantage, clipRange: epsilon)
    let clippedTerm = min(max(r, 1 - epsilon), 1 + epsilon) * advantage
    let picks = s.clipped ? "clip(r)·Â" : (abs(clippedTerm - r * advantage) < 1e-12 ? "r·Â (equal)" : "r·Â")
    cases.append([
      advantage > 0 ? "+1" : "−1", fixed(r, 1), picks, fixed(-s.loss, 2),
      fixed(-s.dLogProbability, 2), s.clipped ? "yes: no gradient" : "no", meanings[k],
    ])
    k += 1
  }
}
print(cases)

print("── cell 2 · chapters/12-ppo.md:88 ──")
var generator = SeededGenerator(seed: 4)
let start = Categorical(logits: [0, 0.3, -0.2])
let actions = (0..<64).map { _ in start.sample(using: &generator) }
let advantages = actions.map { $0 == 0 ? 1.0 : -0.5 }

/// One gradient-ascent step on the clipped objective, ratios taken against `reference`.
func clippedStep(_ logits: [Double], reference: Categorical) -> [Double] {
  let current = Categorical(logits: logits)
  var gradient = [0.0, 0.0, 0.0]
  for (a, adv) in zip(actions, advantages) {
    let logRatio = current.logProbability(of: a) - reference.logProbability(of: a)
    let dLogP = -clippedSurrogateLoss(logRatio: logRatio, advantage: adv, clipRange: epsilon).dLogProbability
    let g = current.logProbabilityGradient(of: a)
    for i in 0..<3 { gradient[i] += dLogP * g[i] / Double(actions.count) }
  }
  return zip(logits, gradient).map { $0 + 0.5 * $1 }
}

var fixedOld = start.logits
var refreshed = start.logits
var epochs = Table(["step", "π(a₀), fixed π_old", "KL from start", "π(a₀), refreshed", "KL from start "])
epochs.append(["0", fixed(start.probabilities[0], 3), "0.0000", fixed(start.probabilities[0], 3), "0.0000"])
for step in 1...10 {
  fixedOld = clippedStep(fixedOld, reference: start)
  refreshed = clippedStep(refreshed, reference: Categorical(logits: refreshed))
  let a = Categorical(logits: fixedOld)
  let b = Categorical(logits: refreshed)
  if step <= 3 || step % 3 == 1 || step == 10 {
    epochs.append([
      "\(step)", fixed(a.probabilities[0], 3), fixed(start.klDivergence(to: a), 4),
      fixed(b.probabilities[0], 3), fixed(start.klDivergence(to: b), 4),
    ])
  }
  if step == 10 {
    export("fixedKL", fixed(start.klDivergence(to: a), 3))
    export("fixedFinalProbability", fixed(a.probabilities[0], 3))
    export("fixedFinalRatio", fixed(a.probabilities[0] / start.probabilities[0], 1))
    export("refreshedFinalProbability", fixed(b.probabilities[0], 2))
    export("refreshedKL", fixed(start.klDivergence(to: b), 2))
  }
}
print("π_old(a₀) = \(fixed(start.probabilities[0], 3)); the clip allows ratios up to 1 + ε = \(fixed(1 + epsilon, 1))")
print(epochs)

print("── cell 3 · chapters/12-ppo.md:182 ──")
let total = 81_920  // 160 updates of 512 steps
var plot = LinePlot(title: "PPO on CartPole-v1: clip (3 seeds, mean ± s.e.) and penalty (1 seed)", xLabel: "environment steps", yLabel: "mean episode return")
var results = Table(["run", "eval mean (100 episodes)", "eval min", "first step with window mean ≥ 475", "mean approx-KL", "mean clip fraction"])
var curves: [[Double]] = []
var steps: [Double] = []
var solvedSteps: [Double] = []
var meanKLs: [Double] = []
var clipFractions: [Double] = []
for seed in [1, 2, 3] as [UInt64] {
  var c = PPOConfiguration()
  c.totalSteps = total
  var rng = SeededGenerator(seed: seed)
  let run = trainPPO(configuration: c, using: &rng) { CartPole() }
  let curve = learningCurve(run.episodes, every: 2_048, upTo: total, window: 10_240)
  curves.append(curve.returns)
  steps = curve.steps
  var evalRNG = SeededGenerator(seed: 1_000 + seed)
  let eval = evaluateReturns(run.policy, episodes: 100, using: &evalRNG) { CartPole() }
  let solvedAt = zip(curve.steps, curve.returns).first { $0.1 >= 475 }.map { fixed($0.0, 0) } ?? "–"
  results.append([
    "clip, seed \(seed)", fixed(mean(eval), 1), fixed(eval.min()!, 0), solvedAt,
    fixed(mean(run.updates.map(\.kl)), 4), percent(mean(run.updates.map(\.clipFraction))),
  ])
  export("evalMeanSeed\(seed)", fixed(mean(eval), 1))
  if seed == 3 { export("evalMinSeed3", fixed(eval.min()!, 0)) }
  solvedSteps += zip(curve.steps, curve.returns).first { $0.1 >= 475 }.map { [$0.0] } ?? []
  meanKLs.append(mean(run.updates.map(\.kl)))
  clipFractions.append(mean(run.updates.map(\.clipFraction)))
}
/// A step count with thousands separated by commas, as the prose writes it.
func withCommas(_ x: Double) -> String {
  var digits = Array(fixed(x, 0))
  for i in stride(from: digits.count - 3, to: 0, by: -3) { digits.insert(",", at: i) }
  return String(digits)
}
export("clipSolvedEarliest", withCommas(solvedSteps.min()!))
export("clipSolvedLatest", withCommas(solvedSteps.max()!))
export("clipMeanKLLow", fixed(meanKLs.min()!, 3))
export("clipMeanKLHigh", fixed(meanKLs.max()!, 3))
export("clipFractionMean", percent(mean(clipFractions), 0))
plot.add("PPO-clip", x: steps, y: elementwiseMean(curves), band: elementwiseStandardError(curves))

var penalty = PPOConfiguration()
penalty.totalSteps = total
penalty.objective = .adaptiveKLPenalty(targetKL: 0.01, initialBeta: 1)
penalty.totalSteps = 40_960  // a shorter run, to keep the chapter quick
var penaltyRNG = SeededGenerator(seed: 1)
let penaltyRun = trainPPO(configuration: penalty, using: &penaltyRNG) { CartPole() }
let penaltyCurve = learningCurve(penaltyRun.episodes, every: 2_048, upTo: penalty.totalSteps, window: 10_240)
plot.add("PPO-penalty (seed 1)", x: penaltyCurve.steps, y: penaltyCurve.returns, dashed: true)
var penaltyEvalRNG = SeededGenerator(seed: 1_001)
let penaltyEval = evaluateReturns(penaltyRun.policy, episodes: 100, using: &penaltyEvalRNG) { CartPole() }
results.append([
  "penalty, seed 1", fixed(mean(penaltyEval), 1), fixed(penaltyEval.min()!, 0),
  zip(penaltyCurve.steps, penaltyCurve.returns).first { $0.1 >= 475 }.map { fixed($0.0, 0) } ?? "–",
  fixed(mean(penaltyRun.updates.map(\.kl)), 4), "–",
])
plot.addReferenceLine(y: 475, label: "475")
display(plot)
print(results)
let penaltySolvedAt = zip(penaltyCurve.steps, penaltyCurve.returns).first { $0.1 >= 475 }!.0
export("penaltySolvedAt", withCommas(penaltySolvedAt))
export("penaltyEvalMean", fixed(mean(penaltyEval), 0))

print("── cell 4 · chapters/12-ppo.md:260 ──")
var betaTable = Table(["update", "β used", "measured KL", "then β"])
for i in [0, 1, 2, 3, 4, 5, 10, 20, 40, 60, 70, 79] {
  let u = penaltyRun.updates[i]
  let next = adaptedPenaltyCoefficient(u.beta, measuredKL: u.kl, target: 0.01)
  betaTable.append(["\(i + 1)", fixed(u.beta, 4), fixed(u.kl, 4), fixed(next, 4)])
}
print(betaTable)
let earlyBetas = penaltyRun.updates[0..<6].map(\.beta)
export("earlyBetaLow", fixed(earlyBetas.min()!, 1))
export("earlyBetaHigh", fixed(earlyBetas.max()!, 0))
export("betaAtUpdate21", fixed(penaltyRun.updates[20].beta, 2))
