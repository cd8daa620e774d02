// Chapter 14: Reward Models
// The cells of chapters/14-reward-models.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 14-reward-models.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/14-reward-models.md:59 ──")
var setup = AdditionSetup(seed: 2024)
let ws = TinyLMWorkspace(config: setup.base.config)
let (pairs, heldOutPairs) = setup.preferenceData()

/// Whether `response` is the right answer to the prompt `a+b=`.
func isCorrect(_ prompt: [Int], _ response: [Int]) -> Bool {
  response == Vocabulary.digits(of: prompt[0] + prompt[2]) + [Vocabulary.endOfSequence]
}
var examples = Table(["prompt", "chosen", "rejected", "chosen is correct"])
for pair in pairs.prefix(6) {
  examples.append([
    Vocabulary.render(pair.prompt), Vocabulary.render(pair.chosen),
    Vocabulary.render(pair.rejected), isCorrect(pair.prompt, pair.chosen) ? "yes" : "no",
  ])
}
print(examples)
let correctChosen = pairs.filter { isCorrect($0.prompt, $0.chosen) }.count
print("training pairs:", pairs.count, "· chosen answer correct in", percent(Double(correctChosen) / Double(pairs.count)))

print("── cell 2 · chapters/14-reward-models.md:86 ──")
let (rewardModel, training) = setup.rewardModel(pairs: pairs)
var curve = LinePlot(
  title: "Reward model: pairwise accuracy during training (1 seed)", xLabel: "step",
  yLabel: "minibatch accuracy")
curve.add("moving average over 100 steps", y: movingAverage(training.map(\.accuracy), window: 100))
curve.addReferenceLine(y: 0.5, label: "chance")
display(curve)
print("accuracy on the annotator's labels, training pairs:", percent(rewardModel.preferenceAccuracy(on: pairs, workspace: ws)))
print("accuracy on the annotator's labels, held-out pairs:", percent(rewardModel.preferenceAccuracy(on: heldOutPairs, workspace: ws)))

print("── cell 3 · chapters/14-reward-models.md:103 ──")
func agreementWithTruth(_ problems: [AdditionProblem]) -> (nearMiss: Double, sameLength: Double, longer: Double) {
  var counts = [0.0, 0.0, 0.0]
  var wins = [0.0, 0.0, 0.0]
  for problem in problems {
    let right = rewardModel.score(problem.solution, workspace: ws)
    for wrong in 0...18 where wrong != problem.a + problem.b {
      let sequence = problem.prompt + Vocabulary.digits(of: wrong) + [Vocabulary.endOfSequence]
      let win = right > rewardModel.score(sequence, workspace: ws) ? 1.0 : 0.0
      let kind = sequence.count > problem.solution.count ? 2 : (sequence.count == problem.solution.count ? 1 : -1)
      guard kind > 0 else { continue }
      counts[kind] += 1
      wins[kind] += win
      if kind == 1 && abs(wrong - problem.a - problem.b) <= 2 {
        counts[0] += 1
        wins[0] += win
      }
    }
  }
  return (wins[0] / counts[0], wins[1] / counts[1], wins[2] / counts[2])
}
var truth = Table(["prompts", "vs near miss (±1, ±2)", "vs any same-length wrong", "vs a longer wrong answer"])
for (name, problems) in [("70 training", setup.train), ("30 held-out", setup.heldOut)] {
  let a = agreementWithTruth(problems)
  truth.append([name, percent(a.nearMiss), percent(a.sameLength), percent(a.longer)])
}
print(truth)
export("longerWinsTrain", truth.rows[0][3])
export("nearMissHeldOut", truth.rows[1][1])
export("longerWinsHeldOut", truth.rows[1][3])

print("── cell 4 · chapters/14-reward-models.md:149 ──")
var flaws = Table(["prompt", "correct", "score", "best wrong answer", "score"])
for problem in setup.train.filter({ $0.a + $0.b < 10 }).prefix(5) {
  let right = rewardModel.score(problem.solution, workspace: ws)
  var best = (answer: 0, score: -Double.infinity)
  for wrong in 0...18 where wrong != problem.a + problem.b {
    let s = rewardModel.score(problem.prompt + Vocabulary.digits(of: wrong) + [Vocabulary.endOfSequence], workspace: ws)
    if s > best.score { best = (wrong, s) }
  }
  flaws.append([
    Vocabulary.render(problem.prompt), Vocabulary.render(problem.answer), fixed(right, 2),
    Vocabulary.render(Vocabulary.digits(of: best.answer) + [Vocabulary.endOfSequence]), fixed(best.score, 2),
  ])
}
print(flaws)
