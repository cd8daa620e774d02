// Chapter 7: From Tables to Functions: the Policy Gradient
// The cells of chapters/07-policy-gradient.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 07-policy-gradient.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/07-policy-gradient.md:77 ──")
var curve = LinePlot(title: "Short corridor: J(p) in closed form", xLabel: "p = π(right)", yLabel: "J(p)")
let grid = stride(from: 0.1, through: 0.9, by: 0.01).map { $0 }
curve.add("J(p)", x: grid, y: grid.map { ShortCorridor.value(probabilityRight: $0) })
curve.yRange = -60 ... 0
display(curve)

var values = Table(["p", "J(p)"])
for p in [0.1, 0.3, 0.5, ShortCorridor.optimalProbabilityRight, 0.7, 0.9] {
  values.append([fixed(p, 3), fixed(ShortCorridor.value(probabilityRight: p), 2)])
}
print(values)

print("── cell 2 · chapters/07-policy-gradient.md:129 ──")
var generator = SeededGenerator(seed: 7)
var policy = CategoricalPolicy(observationSize: 1, actionCount: 2, hidden: [], using: &generator)
policy.network.parameters = [0.1, 0.4, -0.2, 0.3]  // weights for [1], then biases
let p = policy.distribution([1]).probabilities[1]

/// J(θ) through the closed form.
func objective(_ parameters: [Double]) -> Double {
  var q = policy
  q.network.parameters = parameters
  return ShortCorridor.value(probabilityRight: q.distribution([1]).probabilities[1])
}

// 1. Finite differences of the closed form.
let epsilon = 1e-6
let finiteDifference = policy.network.parameters.indices.map { i -> Double in
  var plus = policy.network.parameters
  var minus = policy.network.parameters
  plus[i] += epsilon
  minus[i] -= epsilon
  return (objective(plus) - objective(minus)) / (2 * epsilon)
}

// 2. The policy-gradient estimate, averaged over sampled episodes.
var corridor = ShortCorridor()
var estimates: [[Double]] = []
for _ in 0..<20_000 {
  let episode = sampleEpisode(policy, in: &corridor, using: &generator)
  estimates.append(reinforceGradient(policy, episode: episode, discount: 1))
}

print("π(right) = \(fixed(p, 3)), J = \(fixed(objective(policy.network.parameters), 3))")
var check = Table(["parameter", "finite difference", "sampled mean", "± s.e.", "|diff| / s.e."])
let names = ["w(left)", "w(right)", "b(left)", "b(right)"]
var ratios: [Double] = []
for i in 0..<4 {
  let column = estimates.map { $0[i] }
  let se = standardError(column)
  check.append([
    names[i], fixed(finiteDifference[i], 3), fixed(mean(column), 3), fixed(se, 3),
    fixed(abs(mean(column) - finiteDifference[i]) / se, 2),
  ])
  ratios.append(abs(mean(column) - finiteDifference[i]) / se)
}
print(check)
export("worstDiffInStandardErrors", fixed(ratios.max()!, 1))
let firstError = standardError(estimates.map { $0[0] })
export("gradientStandardError", fixed(firstError, 2))
export("gradientSize", fixed(finiteDifference[0], 2))
export("gradientRelativeError", percent(firstError / finiteDifference[0], 0))

print("── cell 3 · chapters/07-policy-gradient.md:198 ──")
var settings = REINFORCEConfiguration()
settings.episodes = 1_000
settings.hidden = []          // the linear softmax policy above
settings.discount = 1
settings.policyLearningRate = 0.02
settings.useBaseline = false
var finals = Table(["seed", "final π(right)", "J(final)"])
var pFinals: [Double] = []
for seed in 1...5 {
  var rng = SeededGenerator(seed: UInt64(seed))
  let run = trainREINFORCE(configuration: settings, using: &rng) { ShortCorridor() }
  let pFinal = run.policy.distribution([1]).probabilities[1]
  finals.append(["\(seed)", fixed(pFinal, 3), fixed(ShortCorridor.value(probabilityRight: pFinal), 2)])
  pFinals.append(pFinal)
}
print(finals)
print("optimum: π(right) = \(fixed(ShortCorridor.optimalProbabilityRight, 3)), J = \(fixed(ShortCorridor.value(probabilityRight: ShortCorridor.optimalProbabilityRight), 2))")
let jOptimum = ShortCorridor.value(probabilityRight: ShortCorridor.optimalProbabilityRight)
let largestGap = pFinals.map { jOptimum - ShortCorridor.value(probabilityRight: $0) }.max()!
export("largestGapToOptimum", fixed(largestGap, 2))
export("optimalJ", fixed(jOptimum, 2))
export("finalPLow", fixed(pFinals.min()!, 2))
export("finalPHigh", fixed(pFinals.max()!, 2))
