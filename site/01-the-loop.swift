// Chapter 1: The Loop: Actor, Critic and Reward
// The cells of chapters/01-the-loop.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 01-the-loop.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/01-the-loop.md:39 ──")
let world = LineWorld(horizon: 20)
let gamma = 0.9  // how much a reward one step later is worth, relative to now

var rewards = Table(["landing on", "reward", "ends the episode"])
for position in world.positions {
  rewards.append([
    "\(position)", fixed(world.reward(landingOn: position), 0),
    position == world.goal ? "yes" : "no",
  ])
}
print(rewards)

print("── cell 2 · chapters/01-the-loop.md:59 ──")
/// The move with the best immediate reward (the first one, on a tie).
func shortSightedAction(at position: Int) -> Int {
  let immediate = world.moves.indices.map { world.step(from: position, action: $0).reward }
  return immediate.firstIndex(of: immediate.max()!)!
}

/// Follows `choose` from the start; returns the positions visited and the discounted return.
func walk(_ choose: (Int) -> Int) -> (path: [Int], discountedReturn: Double) {
  var position = world.start
  var path = [position]
  var total = 0.0
  var discount = 1.0
  for _ in 0..<world.horizon {
    let step = world.step(from: position, action: choose(position))
    total += discount * step.reward
    discount *= gamma
    position = step.next
    path.append(position)
    if step.terminated { break }
  }
  return (path, total)
}

let shortSighted = walk(shortSightedAction)
print("path:", shortSighted.path.prefix(8).map(String.init).joined(separator: " → "), "→ …")
print("discounted return:", fixed(shortSighted.discountedReturn, 2))
export("shortSightedReturn", fixed(shortSighted.discountedReturn, 2))

print("── cell 3 · chapters/01-the-loop.md:124 ──")
var rng = SeededGenerator(seed: 2026)

/// One episode under the policy `logits` (one row of three logits per position).
func rollout(_ logits: [[Double]], using rng: inout SeededGenerator)
  -> [(state: Int, action: Int, reward: Double, next: Int, terminated: Bool)]
{
  var steps: [(state: Int, action: Int, reward: Double, next: Int, terminated: Bool)] = []
  var position = world.start
  for _ in 0..<world.horizon {
    let action = rng.categorical(softmax(logits[world.index(of: position)]))
    let step = world.step(from: position, action: action)
    steps.append((position, action, step.reward, step.next, step.terminated))
    position = step.next
    if step.terminated { break }
  }
  return steps
}

let untrained = [[Double]](repeating: [0, 0, 0], count: world.stateCount)
let first = rollout(untrained, using: &rng)
print("a random walk of \(first.count) steps:",
  ([world.start] + first.map(\.next)).map(String.init).joined(separator: " "))
print("undiscounted reward:", fixed(first.map(\.reward).reduce(0, +), 0))

print("── cell 4 · chapters/01-the-loop.md:173 ──")
/// Trains the actor and critic for `episodes` episodes; returns them and each episode's
/// discounted return.
func trainActorCritic(episodes: Int, seed: UInt64, actorStep: Double = 0.1, criticStep: Double = 0.1)
  -> (logits: [[Double]], values: [Double], returns: [Double])
{
  var rng = SeededGenerator(seed: seed)
  var logits = [[Double]](repeating: [0, 0, 0], count: world.stateCount)
  var values = [Double](repeating: 0, count: world.stateCount)
  var returns: [Double] = []
  for _ in 0..<episodes {
    let steps = rollout(logits, using: &rng)
    // Every step's TD error uses the critic as it was during the rollout.
    let deltas = steps.map { step in
      let future = step.terminated ? 0 : values[world.index(of: step.next)]
      return step.reward + gamma * future - values[world.index(of: step.state)]
    }
    for (step, delta) in zip(steps, deltas) {
      let s = world.index(of: step.state)
      let probabilities = softmax(logits[s])
      for b in 0..<world.actionCount {
        logits[s][b] += actorStep * delta * ((b == step.action ? 1 : 0) - probabilities[b])
      }
      values[s] += criticStep * delta
    }
    var discount = 1.0
    returns.append(steps.reduce(0) { total, step in
      defer { discount *= gamma }
      return total + discount * step.reward
    })
  }
  return (logits, values, returns)
}

let trained = trainActorCritic(episodes: 600, seed: 1)
print("mean discounted return, first 50 episodes:", fixed(mean(Array(trained.returns.prefix(50))), 2))
print("mean discounted return, last 50 episodes: ", fixed(mean(Array(trained.returns.suffix(50))), 2))

print("── cell 5 · chapters/01-the-loop.md:217 ──")
let arrows = ["←", "·", "→"]
var learned = Table(["position", "π(left)", "π(stay)", "π(right)", "V(s)", "prefers"])
for position in world.positions where position != world.goal {
  let s = world.index(of: position)
  let p = softmax(trained.logits[s])
  learned.append([
    "\(position)", fixed(p[0], 3), fixed(p[1], 3), fixed(p[2], 3),
    fixed(trained.values[s], 2), arrows[p.firstIndex(of: p.max()!)!],
  ])
}
print(learned)

let greedy = walk { position in
  let p = softmax(trained.logits[world.index(of: position)])
  return p.firstIndex(of: p.max()!)!
}
print("\ngreedy walk of the trained actor:", greedy.path.map(String.init).joined(separator: " → "))
print("its discounted return:", fixed(greedy.discountedReturn, 2), "(−5 now, then 0.9 × 10)")
for position in [-2, -1, 0, 1] {
  let name = position < 0 ? "learnedVMinus\(-position)" : "learnedV\(position)"
  export(name, fixed(trained.values[world.index(of: position)], 2))
}

print("── cell 6 · chapters/01-the-loop.md:259 ──")
let seeds: [UInt64] = Array(1...10)
let curves = seeds.map { movingAverage(trainActorCritic(episodes: 600, seed: $0).returns, window: 20) }
let meanCurve = elementwiseMean(curves)
let band = meanCurve.indices.map { i in standardError(curves.map { $0[i] }) }

var plot = LinePlot(
  title: "Actor-critic on the line world (10 seeds)", xLabel: "episode",
  yLabel: "discounted return")
plot.add("actor-critic, mean ± s.e.", y: meanCurve, band: band)
plot.addReferenceLine(y: shortSighted.discountedReturn, label: "short-sighted agent")
plot.addReferenceLine(y: 4, label: "best possible: 4.0")
display(plot)

let finals = curves.map { $0.last! }
print("final smoothed return: mean", fixed(mean(finals), 2), "· worst seed", fixed(finals.min()!, 2),
  "· best seed", fixed(finals.max()!, 2))
export("finalMean", fixed(mean(finals), 2))
export("worstSeed", fixed(finals.min()!, 2))

print("── cell 7 · chapters/01-the-loop.md:312 ──")
var crossing = Table(["γ", "cross now", "dawdle 20 steps", "better"])
var threshold = 0.0
for tenth in 1...9 {
  let g = Double(tenth) / 10
  let cross = -5 + 10 * g
  let dawdle = -(0..<20).reduce(0.0) { total, t in total + pow(g, Double(t)) }
  if cross < dawdle { threshold = g }
  crossing.append([fixed(g, 1), fixed(cross, 2), fixed(dawdle, 2), cross > dawdle ? "cross" : "dawdle"])
}
print(crossing)
export("dawdleUpTo", fixed(threshold, 1))

print("── cell 8 · chapters/01-the-loop.md:340 (shown, never run) ──")
func myMonteCarloActorCritic(episodes: Int, seed: UInt64) -> (values: [Double], returns: [Double]) {
  var rng = SeededGenerator(seed: seed)
  var logits = [[Double]](repeating: [0, 0, 0], count: world.stateCount)
  var values = [Double](repeating: 0, count: world.stateCount)
  var returns: [Double] = []
  for _ in 0..<episodes {
    let steps = rollout(logits, using: &rng)
    // TODO: compute G_t for every step, backwards; use G_t − V(s_t) where the TD version
    // used δ, for the actor and the critic.
    returns.append(0)
  }
  return (values, returns)
}

print("── cell 9 · chapters/01-the-loop.md:356 ──")
func trainMonteCarloActorCritic(episodes: Int, seed: UInt64) -> (values: [Double], returns: [Double]) {
  var rng = SeededGenerator(seed: seed)
  var logits = [[Double]](repeating: [0, 0, 0], count: world.stateCount)
  var values = [Double](repeating: 0, count: world.stateCount)
  var returns: [Double] = []
  for _ in 0..<episodes {
    let steps = rollout(logits, using: &rng)
    var followed = [Double](repeating: 0, count: steps.count)
    var g = 0.0
    for t in steps.indices.reversed() {
      g = steps[t].reward + gamma * g
      followed[t] = g
    }
    let errors = steps.indices.map { followed[$0] - values[world.index(of: steps[$0].state)] }
    for (step, error) in zip(steps, errors) {
      let s = world.index(of: step.state)
      let probabilities = softmax(logits[s])
      for b in 0..<world.actionCount {
        logits[s][b] += 0.1 * error * ((b == step.action ? 1 : 0) - probabilities[b])
      }
      values[s] += 0.1 * error
    }
    returns.append(followed.first ?? 0)
  }
  return (values, returns)
}

let monteCarlo = seeds.map { trainMonteCarloActorCritic(episodes: 600, seed: $0) }
let temporalDifference = seeds.map { trainActorCritic(episodes: 600, seed: $0) }
func meanOfFirst(_ runs: [[Double]], _ count: Int) -> Double {
  mean(runs.map { mean(Array($0.prefix(count))) })
}
var comparison = Table(["critic", "mean return, episodes 1–50", "episodes 551–600"])
for (name, runs) in [("TD (this chapter)", temporalDifference.map(\.returns)), ("Monte Carlo", monteCarlo.map(\.returns))] {
  comparison.append([name, fixed(meanOfFirst(runs, 50), 2), fixed(mean(runs.map { mean(Array($0.suffix(50))) }), 2)])
}
print(comparison)
export("mcEarly", fixed(meanOfFirst(monteCarlo.map(\.returns), 50), 2))
export("tdEarly", fixed(meanOfFirst(temporalDifference.map(\.returns), 50), 2))
