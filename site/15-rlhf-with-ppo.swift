// Chapter 15: RLHF with PPO
// The cells of chapters/15-rlhf-with-ppo.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 15-rlhf-with-ppo.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/15-rlhf-with-ppo.md:67 ──")
var setup = AdditionSetup(seed: 2024)
let ws = TinyLMWorkspace(config: setup.base.config)
let (pairs, _) = setup.preferenceData()
let (rewardModel, _) = setup.rewardModel(pairs: pairs)
let base = setup.base
let before = (train: base.exactMatch(on: setup.train, workspace: ws), heldOut: base.exactMatch(on: setup.heldOut, workspace: ws))
print("SFT base, exact pass@1: training prompts", percent(before.train.passAtOne), "· held-out", percent(before.heldOut.passAtOne))
export("basePassAtOneTrain", percent(before.train.passAtOne))
export("basePassAtOneHeldOut", percent(before.heldOut.passAtOne))

print("── cell 2 · chapters/15-rlhf-with-ppo.md:86 ──")
struct RLHFRun {
  var beta: Double
  var history: [RLHFStepStatistics] = []
  var actor: TinyLM
}
var runs = [RLHFRun]()
for beta in [0.003, 0.05, 0.2] {
  var configuration = RLHFConfiguration()
  configuration.klCoefficient = beta
  var trainer = RLHFTrainer(policy: base, rewardModel: rewardModel, configuration: configuration)
  var rng = SeededGenerator(seed: 9)
  var history = [RLHFStepStatistics]()
  for _ in 0..<200 {
    let batch = (0..<configuration.batchSize).map { _ in setup.train[rng.int(below: setup.train.count)] }
    history.append(
      trainer.step(
        prompts: batch.map(\.prompt), isCorrect: { i, s in batch[i].reward(for: s) == 1 },
        using: &rng))
  }
  runs.append(RLHFRun(beta: beta, history: history, actor: trainer.actor))
}

func smooth(_ x: [Double]) -> [Double] { movingAverage(x, window: 20) }
var scorePlot = LinePlot(title: "Reward-model score (moving average of 20 updates, 1 seed)", xLabel: "update", yLabel: "mean score")
var accuracyPlot = LinePlot(title: "True exact match of the samples (moving average of 20 updates, 1 seed)", xLabel: "update", yLabel: "fraction exactly right")
var klPlot = LinePlot(title: "Sequence KL(actor ‖ reference) (moving average of 20 updates, 1 seed)", xLabel: "update", yLabel: "nats")
for run in runs {
  let name = "β = \(run.beta)"
  scorePlot.add(name, y: smooth(run.history.map(\.meanScore)))
  accuracyPlot.add(name, y: smooth(run.history.map(\.trueAccuracy)))
  klPlot.add(name, y: smooth(run.history.map(\.meanKL)))
}
display(scorePlot)
display(accuracyPlot)
display(klPlot)

print("── cell 3 · chapters/15-rlhf-with-ppo.md:124 ──")
/// The share of sampled answers with two digits, on prompts whose sum has one digit.
func twoDigitShare(_ model: TinyLM) -> Double {
  var rng = SeededGenerator(seed: 3)
  var twoDigits = 0.0
  var total = 0.0
  for problem in AdditionTask.allProblems where problem.a + problem.b < 10 {
    for _ in 0..<16 {
      let s = model.generate(prompt: problem.prompt, maxNewTokens: 3, using: &rng, workspace: ws)
      let digits = s[4...].filter { $0 <= 9 }.count
      if digits >= 2 { twoDigits += 1 }
      total += 1
    }
  }
  return twoDigits / total
}
var summary = Table([
  "β", "score", "KL (nats)", "return", "pass@1 train", "pass@1 held-out", "2-digit answers to 1-digit sums",
])
summary.append(["SFT base", "", "0", "", percent(before.train.passAtOne), percent(before.heldOut.passAtOne), percent(twoDigitShare(base))])
for run in runs {
  let last = run.history.suffix(20)
  summary.append([
    "\(run.beta)", fixed(mean(last.map(\.meanScore)), 2), fixed(mean(last.map(\.meanKL)), 2),
    fixed(mean(last.map(\.meanReturn)), 2),
    percent(run.actor.exactMatch(on: setup.train, workspace: ws).passAtOne),
    percent(run.actor.exactMatch(on: setup.heldOut, workspace: ws).passAtOne),
    percent(twoDigitShare(run.actor)),
  ])
}
print(summary)
print("(score, KL and return: means over the last 20 updates; pass@1 is exact, on the final actor)")
let hackedKL = mean(runs[0].history.suffix(20).map(\.meanKL))
export("hackedScore", summary.rows[1][1])
export("hackedKL", fixed(hackedKL, 2))
export("hackedKLCharge", fixed(runs[0].beta * hackedKL, 2))
export("hackedPassAtOneTrain", summary.rows[1][4])
export("hackedPassAtOneHeldOut", summary.rows[1][5])
export("baseTwoDigitShare", summary.rows[0][6])
export("leashPassAtOneTrain", summary.rows[2][4])
export("leashPassAtOneHeldOut", summary.rows[2][5])
export("leashTwoDigitShare", summary.rows[2][6])
export("safeKL", summary.rows[3][2])
export("safePassAtOneTrain", summary.rows[3][4])
