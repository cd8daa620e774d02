// Chapter 9: Actor-Critic and A2C
// The cells of chapters/09-actor-critic.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 09-actor-critic.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/09-actor-critic.md:41 ──")
let p = 0.6
// True values of the three cells (from the Bellman equations of chapter 7).
let v1 = (p - 3) / (p * (1 - p))
let v0 = v1 - 1 / p
let v2 = -1 + (1 - p) * v1
let trueV = [v0, v1, v2, 0.0]  // the goal is worth 0
let trueAdvantage = (-1 + trueV[1]) - trueV[0]  // "right" from cell 0 lands in cell 1
var wrongV = trueV
wrongV[1] += 3  // a critic that overrates the middle cell

var generator = SeededGenerator(seed: 3)
var corridor = ShortCorridor()
var estimates: [String: [Double]] = [:]
let names = ["Monte Carlo G − V", "TD(0), true V", "TD(0), wrong V", "3-step, wrong V"]
for _ in 0..<20_000 {
  _ = corridor.reset(using: &generator)
  var cells = [corridor.cell]
  var rewards: [Double] = []
  var action = 1  // the first action is "right"; later ones follow the policy
  while true {
    let step = corridor.step(action)
    rewards.append(step.reward)
    cells.append(corridor.cell)
    if step.isDone { break }
    action = generator.bernoulli(p) ? 1 : 0
  }
  /// n real rewards, then the critic's value of the state reached (0 at the goal).
  func nStep(_ n: Int, _ v: [Double]) -> Double {
    let k = min(n, rewards.count)
    return rewards[0..<k].reduce(0, +) + v[cells[k]] - v[cells[0]]
  }
  estimates[names[0], default: []].append(rewards.reduce(0, +) - trueV[0])
  estimates[names[1], default: []].append(nStep(1, trueV))
  estimates[names[2], default: []].append(nStep(1, wrongV))
  estimates[names[3], default: []].append(nStep(3, wrongV))
}
print("true advantage of 'right' in the start cell: \(fixed(trueAdvantage, 3))")
var table = Table(["estimator", "mean", "bias", "variance"])
for name in names {
  let x = estimates[name]!
  table.append([name, fixed(mean(x), 3), fixed(mean(x) - trueAdvantage, 3), fixed(variance(x), 2)])
}
print(table)
let monteCarlo = estimates[names[0]]!
let threeStep = estimates[names[3]]!
export("trueAdvantage", fixed(trueAdvantage, 3))
export("monteCarloBias", fixed(mean(monteCarlo) - trueAdvantage, 2))
export("monteCarloStandardError", fixed(standardError(monteCarlo), 2))
export("monteCarloVariance", fixed(variance(monteCarlo), 0))
export("threeStepBias", fixed(mean(threeStep) - trueAdvantage, 2))
export("threeStepVariance", fixed(variance(threeStep), 0))

print("── cell 2 · chapters/09-actor-critic.md:172 ──")
let total = 100_000
let seeds: [UInt64] = [1, 2, 3]
var plot = LinePlot(title: "CartPole-v1: REINFORCE+baseline, actor-critic, A2C (3 seeds)", xLabel: "environment steps", yLabel: "mean episode return")
var summary = Table(["method", "return at 50k steps", "at 100k steps", "best window"])
func addCurves(_ name: String, _ runs: [PolicyGradientRun]) {
  let curves = runs.map { learningCurve($0.episodes, every: 5_000, upTo: total).returns }
  let steps = learningCurve(runs[0].episodes, every: 5_000, upTo: total).steps
  let m = elementwiseMean(curves)
  plot.add(name, x: steps, y: m, band: elementwiseStandardError(curves))
  summary.append([name, fixed(m[9], 1), fixed(m[19], 1), fixed(m.max()!, 1)])
  let keys = ["REINFORCE + baseline": "reinforce", "one-step actor-critic": "actorCritic"]
  let key = keys[name] ?? "a2c"
  export(key + "At50k", fixed(m[9], 0))
  export(key + "At100k", fixed(m[19], 0))
}

var reinforce = REINFORCEConfiguration()
reinforce.hidden = [32]
reinforce.episodes = 400  // REINFORCE counts episodes: enough to pass `total` steps
addCurves("REINFORCE + baseline", seeds.map { seed in
  var rng = SeededGenerator(seed: seed)
  var run = trainREINFORCE(configuration: reinforce, using: &rng) { CartPole() }
  run.episodes = run.episodes.filter { $0.step <= total }  // the same step budget
  return run
})

var ac = ActorCriticConfiguration()
ac.totalSteps = total
addCurves("one-step actor-critic", seeds.map { seed in
  var rng = SeededGenerator(seed: seed)
  return trainActorCritic(configuration: ac, using: &rng) { CartPole() }
})

var a2c = A2CConfiguration()
a2c.totalSteps = total
addCurves("A2C (8 envs × 5 steps)", seeds.map { seed in
  var rng = SeededGenerator(seed: seed)
  return trainA2C(configuration: a2c, using: &rng) { CartPole() }
})

plot.addReferenceLine(y: 475, label: "475")
display(plot)
print(summary)
