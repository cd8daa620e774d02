// Chapter 17: GRPO and RLVR
// The cells of chapters/17-grpo-and-rlvr.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 17-grpo-and-rlvr.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/17-grpo-and-rlvr.md:67 ──")
var weights = Table(["aggregation", "token of the 2-token response", "token of the 3-token response"])
for (name, aggregation) in [
  ("per-sequence, then batch", LossAggregation.sequenceMeanThenBatchMean),
  ("token mean", .tokenMean), ("Dr. GRPO, L_max = 3", .constantNormalizer(maxLength: 3)),
] {
  weights.append([
    name, fixed(aggregation.tokenWeight(length: 2, lengths: [2, 3]), 4),
    fixed(aggregation.tokenWeight(length: 3, lengths: [2, 3]), 4),
  ])
}
print(weights)

print("── cell 2 · chapters/17-grpo-and-rlvr.md:90 ──")
var setup = AdditionSetup(seed: 2024)
let ws = TinyLMWorkspace(config: setup.base.config)
let train = setup.train
let heldOut = setup.heldOut

struct GRPORun {
  var statistics: [GRPOStepStatistics] = []
  var checkpoints: [Double] = []  // held-out exact pass@1 every 10 updates
  var policy: TinyLM
}
/// Trains GRPO from the base model; the batch always holds 128 responses.
func runGRPO(_ configuration: GRPOConfiguration, updates: Int, seed: UInt64) -> GRPORun {
  var trainer = GRPOTrainer(policy: setup.base, configuration: configuration)
  var rng = SeededGenerator(seed: seed)
  var run = GRPORun(policy: setup.base)
  run.checkpoints.append(setup.base.exactMatch(on: heldOut, workspace: ws).passAtOne)
  for update in 1...updates {
    let batch = (0..<configuration.promptsPerStep).map { _ in train[rng.int(below: train.count)] }
    run.statistics.append(
      trainer.step(prompts: batch.map(\.prompt), reward: { i, s in batch[i].reward(for: s) }, using: &rng))
    if update % 10 == 0 {
      run.checkpoints.append(trainer.policy.exactMatch(on: heldOut, workspace: ws).passAtOne)
    }
  }
  run.policy = trainer.policy
  return run
}
let main = runGRPO(GRPOConfiguration(), updates: 300, seed: 17)

let before = setup.base.exactMatch(on: heldOut, workspace: ws)
let after = main.policy.exactMatch(on: heldOut, workspace: ws)
var result = Table(["model", "held-out exact pass@1", "held-out greedy exact match"])
result.append(["SFT base", percent(before.passAtOne), percent(before.greedy)])
result.append(["after 300 GRPO updates", percent(after.passAtOne), percent(after.greedy)])
print(result)
if let first = main.checkpoints.firstIndex(where: { $0 >= 0.8 }) {
  print("held-out pass@1 first reaches 80% after", first * 10, "updates (\(first * 10 * 128) sampled responses)")
}
print("k3 KL per token over the last 50 updates:", fixed(mean(main.statistics.suffix(50).map(\.meanKL)), 3))
print("groups with no signal: first 20 updates", percent(mean(main.statistics.prefix(20).map(\.degenerateGroupFraction))), "· last 50 updates", percent(mean(main.statistics.suffix(50).map(\.degenerateGroupFraction))))
export("basePassAtOne", result.rows[0][1])
export("grpoPassAtOne", result.rows[1][1])
export("baseGreedy", result.rows[0][2])
export("grpoGreedy", result.rows[1][2])
if let first = main.checkpoints.firstIndex(where: { $0 >= 0.8 }) {
  export("updatesToEighty", first * 10)
  export("responsesToEighty", first * 10 * 128)
}
export("grpoKLPerToken", fixed(mean(main.statistics.suffix(50).map(\.meanKL)), 3))
export("noSignalFirst", percent(mean(main.statistics.prefix(20).map(\.degenerateGroupFraction))))
export("noSignalLast", percent(mean(main.statistics.suffix(50).map(\.degenerateGroupFraction))))

print("── cell 3 · chapters/17-grpo-and-rlvr.md:144 ──")
var curves = LinePlot(title: "GRPO on addition (1 seed)", xLabel: "update", yLabel: "fraction")
curves.add("training reward (mean of 128 samples, moving average of 10)", y: movingAverage(main.statistics.map(\.meanReward), window: 10))
curves.add(
  "held-out exact pass@1", x: (0..<main.checkpoints.count).map { Double($0 * 10) },
  y: main.checkpoints)
curves.add("groups with no signal (all equal rewards)", y: movingAverage(main.statistics.map(\.degenerateGroupFraction), window: 10), dashed: true)
curves.addReferenceLine(y: 0.8, label: "80%")
display(curves)

var klCurve = LinePlot(title: "GRPO: k3 KL to the reference per response token (1 seed)", xLabel: "update", yLabel: "nats per token")
klCurve.add("mean k3 (moving average of 10)", y: movingAverage(main.statistics.map(\.meanKL), window: 10))
display(klCurve)

print("── cell 4 · chapters/17-grpo-and-rlvr.md:182 ──")
var ablation = Table(["G", "prompts / update", "std scaling", "held-out pass@1", "seed 1", "seed 2", "groups with no signal", "k3 KL / token"])
for (g, scale) in [(2, true), (4, true), (8, true), (16, true), (8, false)] {
  var configuration = GRPOConfiguration()
  configuration.groupSize = g
  configuration.promptsPerStep = 128 / g
  configuration.scaleRewardsByStandardDeviation = scale
  let runs = [101, 202].map { runGRPO(configuration, updates: 150, seed: UInt64($0)) }
  let finals = runs.map { $0.checkpoints.last! }
  ablation.append([
    "\(g)", "\(128 / g)", scale ? "on" : "off", percent(mean(finals)), percent(finals[0]), percent(finals[1]),
    percent(mean(runs.flatMap { $0.statistics.map(\.degenerateGroupFraction) })),
    fixed(mean(runs.flatMap { $0.statistics.suffix(50).map(\.meanKL) }), 3),
  ])
}
print(ablation)
export("ablationLowest", ablation.rows[3][3])
export("ablationHighest", ablation.rows[1][3])
export("pairsNoSignal", ablation.rows[0][6])
export("sixteenNoSignal", ablation.rows[3][6])
export("unscaledPassAtOne", ablation.rows[4][3])
export("scaledPassAtOne", ablation.rows[2][3])
