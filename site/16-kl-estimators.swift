// Chapter 16: KL Estimators
// The cells of chapters/16-kl-estimators.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 16-kl-estimators.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/16-kl-estimators.md:51 ──")
func logNormalDensity(_ x: Double, mean: Double, sd: Double) -> Double {
  -0.5 * pow((x - mean) / sd, 2) - log(sd) - 0.5 * log(2 * Double.pi)
}
var gaussian = Table(["reference", "true KL", "estimator", "mean", "bias / KL", "std / KL", "s.e. of mean", "|mean − KL| / s.e.", "negative"])
var rng = SeededGenerator(seed: 16)
for referenceMean in [0.1, 1.0] {
  let truth = gaussianKLDivergence(mean1: 0, standardDeviation1: 1, mean2: referenceMean, standardDeviation2: 1)
  let logRatios = (0..<200_000).map { _ -> Double in
    let x = rng.normal()
    return logNormalDensity(x, mean: referenceMean, sd: 1) - logNormalDensity(x, mean: 0, sd: 1)
  }
  for estimator in KLEstimator.allCases {
    let values = logRatios.map { estimator.estimate(logRatio: $0) }
    let m = mean(values)
    let se = standardError(values)
    gaussian.append([
      "N(\(referenceMean), 1)", fixed(truth, 4), estimator.rawValue, fixed(m, 4),
      fixed((m - truth) / truth, 3), fixed(standardDeviation(values) / truth, 2), fixed(se, 4),
      fixed(abs(m - truth) / se, 1), percent(Double(values.filter { $0 < 0 }.count) / Double(values.count)),
    ])
  }
}
print(gaussian)
export("smallK1Negative", gaussian.rows[0][8])
export("smallK1Spread", gaussian.rows[0][5])
export("smallK3Spread", gaussian.rows[2][5])
export("largeK2Mean", gaussian.rows[4][3])
export("largeK2Bias", percent(Double(gaussian.rows[4][4])!, 1))
export("largeK2Errors", gaussian.rows[4][7])
export("largeK3Spread", gaussian.rows[5][5])
export("largeK1Spread", gaussian.rows[3][5])

print("── cell 2 · chapters/16-kl-estimators.md:106 ──")
var setup = AdditionSetup(seed: 2024)
let ws = TinyLMWorkspace(config: setup.base.config)
let reference = setup.base
let (pairs, _) = setup.preferenceData()
var dpo = DPOConfiguration()  // β = 0.1, 32 pairs per step, Adam at 10⁻³
var nearPolicy = reference
dpo.steps = 2
_ = trainDPO(&nearPolicy, reference: reference, on: pairs, configuration: dpo, using: &setup.generator)
var farPolicy = nearPolicy
dpo.steps = 98
_ = trainDPO(&farPolicy, reference: reference, on: pairs, configuration: dpo, using: &setup.generator)

func nextToken(_ model: TinyLM, _ prompt: [Int]) -> [Double] {
  model.forward(tokens: prompt, count: prompt.count, workspace: ws)
  return softmax(ws.logits(at: prompt.count - 1))
}
var tokens = Table(["policy", "prompt", "exact KL", "k1 mean ± s.e.", "k2 mean ± s.e.", "k3 mean ± s.e.", "k1 std", "k3 std", "k1 < 0", "hidden ref mass"])
var sampler = SeededGenerator(seed: 61)
var lmDistributions = [(AdditionProblem, [Double], [Double])]()
for (name, policy) in [("2 DPO steps", nearPolicy), ("100 DPO steps", farPolicy)] {
  // The three held-out prompts whose first response token moved most.
  let moved = setup.heldOut.map { problem -> (AdditionProblem, [Double], [Double]) in
    (problem, nextToken(policy, problem.prompt), nextToken(reference, problem.prompt))
  }.sorted { klDivergence($0.1, $0.2) > klDivergence($1.1, $1.2) }.prefix(3)
  for (problem, p, q) in moved {
    lmDistributions.append((problem, p, q))
    let exact = klDivergence(p, q)
    let logRatios = (0..<20_000).map { _ -> Double in
      let x = sampler.categorical(p)
      return log(q[x]) - log(p[x])
    }
    var row = [name, Vocabulary.render(problem.prompt), fixed(exact, 4)]
    var stds = [String]()
    for estimator in KLEstimator.allCases {
      let values = logRatios.map { estimator.estimate(logRatio: $0) }
      row.append("\(fixed(mean(values), 4)) ± \(fixed(standardError(values), 4))")
      if estimator != .k2 { stds.append(fixed(standardDeviation(values), 3)) }
    }
    row += stds
    row.append(percent(Double(logRatios.filter { $0 > 0 }.count) / Double(logRatios.count)))
    // Reference mass on tokens the policy almost never samples (π < 10⁻⁴).
    let hidden = p.indices.filter { p[$0] < 1e-4 }.reduce(0) { $0 + q[$1] }
    row.append(percent(hidden))
    tokens.append(row)
  }
}
print(tokens)
export("nearKLLowest", tokens.rows[2][2])
export("nearKLHighest", tokens.rows[0][2])
export("nearK1NegativeLowest", tokens.rows[2][8])
export("nearK1NegativeHighest", tokens.rows[0][8])
export("nearK2Mean", String(tokens.rows[2][4].split(separator: " ")[0]))
export("nearExactKL", tokens.rows[2][2])
export("farK3Mean", String(tokens.rows[4][5].split(separator: " ")[0]))
export("farExactKL", tokens.rows[4][2])
export("farKLLowest", tokens.rows[5][2])
export("farKLHighest", tokens.rows[3][2])
export("farHiddenMass", tokens.rows[4][9])
export("rareK3Spread", tokens.rows[5][7])
export("rareK3Error", String(tokens.rows[5][5].split(separator: " ")[2]))

print("── cell 3 · chapters/16-kl-estimators.md:215 ──")
func expectedGradient(_ p: [Double], _ q: [Double], _ estimator: KLEstimator) -> [Double] {
  var g = [Double](repeating: 0, count: p.count)
  for x in p.indices where p[x] > 0 {
    // ∇ k(x) = (dk / d log π(x)) · (e_x − π)
    let slope = estimator.derivativeWithRespectToLogPolicy(logRatio: log(q[x]) - log(p[x]))
    for j in p.indices { g[j] += p[x] * slope * ((j == x ? 1 : 0) - p[j]) }
  }
  return g
}
func forwardKLGradient(_ p: [Double], _ q: [Double]) -> [Double] {  // ∇_z KL(π ‖ π_ref)
  let k = klDivergence(p, q)
  return p.indices.map { j in p[j] * (log(p[j] / q[j]) - k) }
}
func reverseKLGradient(_ p: [Double], _ q: [Double]) -> [Double] {  // ∇_z KL(π_ref ‖ π)
  p.indices.map { p[$0] - q[$0] }
}
func distance(_ a: [Double], _ b: [Double]) -> Double {
  zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
}
var gradients = Table(["prompt", "‖E∇k1‖", "‖E∇k2 − ∇KL(π‖ref)‖", "‖E∇k3 − ∇KL(ref‖π)‖", "‖E∇k3 − ∇KL(π‖ref)‖", "‖∇KL(π‖ref)‖"])
for (problem, p, q) in lmDistributions {
  let forward = forwardKLGradient(p, q)
  gradients.append([
    Vocabulary.render(problem.prompt),
    String(format: "%.0e", distance(expectedGradient(p, q, .k1), p.map { _ in 0 })),
    String(format: "%.0e", distance(expectedGradient(p, q, .k2), forward)),
    String(format: "%.0e", distance(expectedGradient(p, q, .k3), reverseKLGradient(p, q))),
    fixed(distance(expectedGradient(p, q, .k3), forward), 4),
    fixed(distance(forward, p.map { _ in 0 }), 4),
  ])
}
print(gradients)
export("nearK3GapLowest", gradients.rows[0][4])
export("nearK3GapHighest", gradients.rows[2][4])
