// Chapter 13: Generation as a Markov Decision Process
// The cells of chapters/13-generation-as-an-mdp.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 13-generation-as-an-mdp.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/13-generation-as-an-mdp.md:34 ──")
var setup = AdditionSetup(seed: 2024)
let base = setup.base
let ws = TinyLMWorkspace(config: base.config)
print("parameters:", base.parameterCount)
print("SFT loss, first 50 steps:", fixed(mean(setup.sftHistory.prefix(50).map(\.loss)), 3))
print("SFT loss, last 50 steps: ", fixed(mean(setup.sftHistory.suffix(50).map(\.loss)), 3))
export("parameterCount", base.parameterCount)

print("── cell 2 · chapters/13-generation-as-an-mdp.md:68 ──")
var rng = SeededGenerator(seed: 13)
var episodes = Table(["prompt", "response", "log π per token", "reward"])
for problem in setup.heldOut.prefix(6) {
  let sequence = base.generate(
    prompt: problem.prompt, maxNewTokens: AdditionTask.maxResponseTokens, using: &rng,
    workspace: ws)
  let logProbs = base.tokenLogProbabilities(of: sequence, workspace: ws)
  let response = Array(sequence[problem.prompt.count...])
  episodes.append([
    Vocabulary.render(problem.prompt), Vocabulary.render(response),
    logProbs[problem.prompt.count...].map { fixed($0, 2) }.joined(separator: "  "),
    fixed(problem.reward(for: sequence), 0),
  ])
}
print(episodes)

print("── cell 3 · chapters/13-generation-as-an-mdp.md:98 ──")
let example = setup.heldOut[0].solution
base.forward(tokens: example, count: example.count, workspace: ws)
var gather = Table(["t", "token at t", "log-softmax row t−1, gathered", "library"])
let library = base.tokenLogProbabilities(of: example, workspace: ws)
base.forward(tokens: example, count: example.count, workspace: ws)
for t in 4..<example.count {
  let row = logSoftmax(ws.logits(at: t - 1))  // 14 log-probabilities
  gather.append([
    "\(t)", Vocabulary.render([example[t]]), fixed(row[example[t]], 6), fixed(library[t], 6),
  ])
}
print(gather)

print("── cell 4 · chapters/13-generation-as-an-mdp.md:121 ──")
let heldOutScore = base.exactMatch(on: setup.heldOut, workspace: ws)
let trainScore = base.exactMatch(on: setup.train, workspace: ws)
var scores = Table(["prompts", "exact pass@1", "greedy exact match"])
scores.append(["70 training", percent(trainScore.passAtOne), percent(trainScore.greedy)])
scores.append(["30 held-out", percent(heldOutScore.passAtOne), percent(heldOutScore.greedy)])
print(scores)
export("heldOutGreedy", percent(heldOutScore.greedy))

print("── cell 5 · chapters/13-generation-as-an-mdp.md:154 ──")
func temperatureRow(_ temperature: Double, topK: Int?) -> [String] {
  var entropy = 0.0
  var top = 0.0
  var right = 0.0
  var sampler = SeededGenerator(seed: 99)
  for problem in setup.heldOut {
    base.forward(tokens: problem.prompt, count: problem.prompt.count, workspace: ws)
    let p = samplingDistribution(
      logits: ws.logits(at: problem.prompt.count - 1), temperature: temperature, topK: topK)
    entropy -= p.filter { $0 > 0 }.reduce(0) { $0 + $1 * log($1) }
    top += p.max()!
    for _ in 0..<64 {
      let s = base.generate(
        prompt: problem.prompt, maxNewTokens: AdditionTask.maxResponseTokens,
        temperature: temperature, topK: topK, using: &sampler, workspace: ws)
      right += problem.reward(for: s)
    }
  }
  let n = Double(setup.heldOut.count)
  return [
    topK.map { "T = \(fixed(temperature, 2)), top-\($0)" } ?? "T = \(fixed(temperature, 2))",
    fixed(entropy / n, 3), fixed(top / n, 3), percent(right / (64 * n)),
  ]
}
var temperatures = Table(["sampling", "entropy (nats)", "max prob", "exact match"])
for t in [0.25, 0.5, 1.0, 1.5, 2.0] { temperatures.append(temperatureRow(t, topK: nil)) }
temperatures.append(temperatureRow(1.0, topK: 2))
print(temperatures)
export("coldTopProbability", percent(Double(temperatures.rows[0][2])!, 1))
export("coldExactMatch", temperatures.rows[0][3])
export("hotEntropy", temperatures.rows[4][1])
export("hotExactMatch", temperatures.rows[4][3])
export("warmExactMatch", temperatures.rows[2][3])
export("topTwoExactMatch", temperatures.rows[5][3])
