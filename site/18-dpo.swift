// Chapter 18: Direct Preference Optimization
// The cells of chapters/18-dpo.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 18-dpo.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/18-dpo.md:66 ──")
var setup = AdditionSetup(seed: 2024)
let ws = TinyLMWorkspace(config: setup.base.config)
let reference = setup.base
let (pairs, heldOutPairs) = setup.preferenceData()
let (rewardModel, _) = setup.rewardModel(pairs: pairs)  // for the comparison with RLHF below
let heldOutReference = reference.referenceLogProbabilities(for: heldOutPairs, workspace: ws)
let beta = 0.1
var dpo = DPOConfiguration()
dpo.beta = beta
dpo.steps = 50

func heldOutStatistics(_ policy: TinyLM) -> DPOStepStatistics {
  dpoLoss(policy: policy, pairs: heldOutPairs, reference: heldOutReference, beta: beta, workspace: ws).statistics
}
var dpoPolicy = reference
var checkpoints = [(step: 0, statistics: heldOutStatistics(dpoPolicy))]
for block in 1...8 {
  _ = trainDPO(&dpoPolicy, reference: reference, on: pairs, configuration: dpo, using: &setup.generator)
  checkpoints.append((block * 50, heldOutStatistics(dpoPolicy)))
}
var progress = Table(["step", "held-out accuracy", "margin", "implicit reward, chosen", "implicit reward, rejected"])
for (step, s) in checkpoints where step % 100 == 0 {
  progress.append(["\(step)", percent(s.accuracy), fixed(s.meanMargin, 3), fixed(s.meanChosenReward, 3), fixed(s.meanRejectedReward, 3)])
}
print(progress)
print("(at step 0 the policy is the reference: every margin is exactly 0, so no pair counts as ranked correctly)")

var margins = LinePlot(title: "DPO on held-out preference pairs (1 seed)", xLabel: "step", yLabel: "implicit reward (β·log π/π_ref)")
let steps = checkpoints.map { Double($0.step) }
margins.add("chosen", x: steps, y: checkpoints.map(\.statistics.meanChosenReward))
margins.add("rejected", x: steps, y: checkpoints.map(\.statistics.meanRejectedReward))
margins.add("margin", x: steps, y: checkpoints.map(\.statistics.meanMargin), dashed: true)
display(margins)
export("dpoHeldOutAccuracy", progress.rows[4][1])
export("dpoMarginAt100", progress.rows[1][2])
export("dpoMarginAt400", progress.rows[4][2])
export("dpoChosenReward", progress.rows[4][3])
export("dpoRejectedReward", progress.rows[4][4])

print("── cell 2 · chapters/18-dpo.md:129 ──")
func trainPPO(rewardModel: TinyLM) -> TinyLM {
  var configuration = RLHFConfiguration()
  configuration.klCoefficient = 0.05
  var ppo = RLHFTrainer(policy: reference, rewardModel: rewardModel, configuration: configuration)
  var rng = SeededGenerator(seed: 9)
  for _ in 0..<200 {
    let batch = (0..<configuration.batchSize).map { _ in setup.train[rng.int(below: setup.train.count)] }
    _ = ppo.step(prompts: batch.map(\.prompt), isCorrect: { i, s in batch[i].reward(for: s) == 1 }, using: &rng)
  }
  return ppo.actor
}
let ppoActor = trainPPO(rewardModel: rewardModel)
// A second reward model: same pairs and recipe, another random stream for its minibatches.
var otherSetup = setup
otherSetup.generator = SeededGenerator(seed: 77)
let (otherRewardModel, _) = otherSetup.rewardModel(pairs: pairs)
let otherPPOActor = trainPPO(rewardModel: otherRewardModel)

func twoDigitShare(_ model: TinyLM) -> Double {
  var sampler = SeededGenerator(seed: 3)
  var count = 0.0
  var total = 0.0
  for problem in AdditionTask.allProblems where problem.a + problem.b < 10 {
    for _ in 0..<16 {
      let s = model.generate(prompt: problem.prompt, maxNewTokens: 3, using: &sampler, workspace: ws)
      if s[4...].filter({ $0 <= 9 }).count >= 2 { count += 1 }
      total += 1
    }
  }
  return count / total
}
var comparison = Table(["policy", "pass@1 train", "pass@1 held-out", "KL to reference (nats)", "2-digit answers to 1-digit sums", "held-out pair accuracy"])
for (name, model) in [
  ("SFT reference", reference), ("DPO, β = 0.1", dpoPolicy), ("RLHF-PPO, β = 0.05", ppoActor),
  ("RLHF-PPO, β = 0.05, other RM", otherPPOActor),
] {
  var sampler = SeededGenerator(seed: 18)
  let kl = model.sequenceKL(to: reference, prompts: AdditionTask.allProblems.map(\.prompt), samplesPerPrompt: 8, maxNewTokens: 3, using: &sampler)
  comparison.append([
    name, percent(model.exactMatch(on: setup.train, workspace: ws).passAtOne),
    percent(model.exactMatch(on: setup.heldOut, workspace: ws).passAtOne),
    "\(fixed(kl.mean, 2)) ± \(fixed(kl.standardError, 2))", percent(twoDigitShare(model)),
    percent(heldOutStatistics(model).accuracy),
  ])
}
print(comparison)
export("referencePassAtOneTrain", comparison.rows[0][1])
export("referencePassAtOneHeldOut", comparison.rows[0][2])
export("dpoPassAtOneTrain", comparison.rows[1][1])
export("dpoPassAtOneHeldOut", comparison.rows[1][2])
export("dpoKL", String(comparison.rows[1][3].split(separator: " ")[0]))
export("dpoTwoDigitShare", comparison.rows[1][4])
export("ppoKL", String(comparison.rows[2][3].split(separator: " ")[0]))
export("ppoTwoDigitShare", comparison.rows[2][4])
export("ppoPassAtOneTrain", comparison.rows[2][1])
export("ppoPassAtOneHeldOut", comparison.rows[2][2])
export("otherPPOKL", String(comparison.rows[3][3].split(separator: " ")[0]))
export("otherPPOPassAtOneHeldOut", comparison.rows[3][2])

print("── cell 3 · chapters/18-dpo.md:218 ──")
var cost = Table(["stage", "DPO", "RLHF-PPO"])
let dpoTraining = 400 * 32 * 2 * 3  // steps × pairs × (chosen, rejected) × (forward + backward)
let dpoReference = pairs.count * 2  // reference log-probs, once
let rmTraining = 2000 * 32 * 2 * 3  // Bradley–Terry steps × pairs × 2 × 3
let ppoPerUpdate = 64 * (1 + 4) + 64 * 4 * 2 * 3  // sample + (actor, reference, reward, critic) passes; 4 epochs × (actor, critic) × 3
cost.append(["reward model", "none", "\(rmTraining)"])
cost.append(["reference log-probs", "\(dpoReference)", "in the loop"])
cost.append(["policy training", "\(dpoTraining)", "\(200 * ppoPerUpdate)"])
cost.append(["total sequence passes", "\(dpoTraining + dpoReference)", "\(rmTraining + 200 * ppoPerUpdate)"])
cost.append(["models held in memory while training", "2", "4"])
print(cost)
