// The tiny LM's training throughput: tokens per second through forward + backward, the
// achieved FLOP/s, and how long GRPO takes to reach 80% held-out exact match.
// Built and run by bench/language-model.sh (with -O, against the release RL library).
import Foundation
import RL

func seconds(_ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
func median(_ x: [Double]) -> Double { x.sorted()[x.count / 2] }

/// FLOPs of one forward pass over a sequence of `n` tokens: 2 per multiply–add, counting the
/// weight matrices, the attention scores and mixing over the causal prefix, and the heads.
func forwardFLOPs(_ c: TinyLMConfig, length n: Int) -> Double {
  let d = Double(c.modelWidth)
  let m = Double(c.mlpWidth)
  let v = Double(c.vocabularySize)
  let weights = Double(c.layerCount) * (4 * d * d + 2 * d * m) + d * v + d
  let attention = Double(c.layerCount) * d * Double(n * (n + 1))  // Σₜ (t + 1)·2d
  return 2 * (weights * Double(n) + attention)
}

let peak = Double(CommandLine.arguments.dropFirst().first ?? "") ?? 0
let runs = 7
print(
  "Forward + backward throughput (masked cross-entropy on 128 sequences of 7 tokens; median of \(runs) runs)"
)
print("config                      params   tokens/s   GFLOP/s   % of peak")
for (name, config) in [
  ("book (d 32, 1 layer)", AdditionTask.modelConfig),
  (
    "d 64, 2 layers",
    TinyLMConfig(contextLength: 8, modelWidth: 64, headCount: 4, layerCount: 2, mlpWidth: 128)
  ),
] {
  var rng = SeededGenerator(seed: 1)
  let model = TinyLM(config: config, using: &rng)
  let ws = TinyLMWorkspace(config: config)
  let batch = (0..<128).map { i in
    TrainingSequence(
      tokens: AdditionProblem(i % 10, (i / 10) % 10).prompt + [1, 2, 12], responseStart: 4)
  }
  _ = maskedCrossEntropy(model: model, batch: batch, workspace: ws)  // warm up
  let times = (0..<runs).map { _ in
    seconds {
      for _ in 0..<20 { _ = maskedCrossEntropy(model: model, batch: batch, workspace: ws) }
    }
  }
  let tokens = Double(20 * 128 * 7)
  let flops = 20 * 128 * 3 * forwardFLOPs(config, length: 7)  // backward ≈ 2 × forward
  let t = median(times)
  let achieved = flops / t / 1e9
  print(
    name.padding(toLength: 26, withPad: " ", startingAt: 0),
    String(
      format: "%7d  %9.0f  %8.2f  %9.1f%%", model.parameterCount, tokens / t, achieved,
      peak > 0 ? 100 * achieved / peak : 0))
}

print("\nRollout sampling for GRPO (the book's model; 16 prompts × groups of 8, up to 4 new tokens)")
do {
  var rng = SeededGenerator(seed: 3)
  let model = TinyLM(config: AdditionTask.modelConfig, using: &rng)
  let ws = TinyLMWorkspace(config: model.config)
  let prompts = (0..<16).map { AdditionProblem($0 % 10, ($0 * 7) % 10).prompt }
  var generated = 0
  /// One sample at a time, each followed by a teacher-forced pass for its log-probabilities.
  func oneAtATime(_ rng: inout SeededGenerator) {
    for prompt in prompts {
      for _ in 0..<8 {
        let s = model.generate(prompt: prompt, maxNewTokens: 4, using: &rng, workspace: ws)
        _ = model.tokenLogProbabilities(of: s, workspace: ws)
        generated += s.count - prompt.count
      }
    }
  }
  /// A group per prompt from the prompt's cached keys and values, log-probabilities included.
  func grouped(_ rng: inout SeededGenerator) {
    for prompt in prompts {
      for s in model.generate(
        prompt: prompt, samples: 8, maxNewTokens: 4, using: &rng, workspace: ws)
      {
        generated += s.tokens.count - prompt.count
      }
    }
  }
  for (name, body) in [
    ("one sample at a time + log-probs", oneAtATime), ("group from the cached prompt", grouped),
  ] {
    let rates = (0..<runs).map { _ in
      generated = 0
      var r = SeededGenerator(seed: 5)
      let t = seconds { for _ in 0..<40 { body(&r) } }
      return Double(generated) / t
    }
    print(
      name.padding(toLength: 36, withPad: " ", startingAt: 0),
      String(format: "%9.0f generated tokens/s", median(rates)))
  }
}

print("\nGRPO on the addition task (the setting of chapter 17; one run, wall time on this machine)")
var setupTime = 0.0
var setup: AdditionSetup!
setupTime = seconds { setup = AdditionSetup(seed: 2024) }
let ws = TinyLMWorkspace(config: setup.base.config)
var trainer = GRPOTrainer(policy: setup.base, configuration: GRPOConfiguration())
var rng = SeededGenerator(seed: 17)
var reached: (update: Int, seconds: Double)?
var training = 0.0
for update in 1...300 {
  training += seconds {
    let batch = (0..<16).map { _ in setup.train[rng.int(below: setup.train.count)] }
    _ = trainer.step(
      prompts: batch.map(\.prompt), reward: { i, s in batch[i].reward(for: s) }, using: &rng)
  }
  if update % 10 == 0, reached == nil,
    trainer.policy.exactMatch(on: setup.heldOut, workspace: ws).passAtOne >= 0.8
  {
    reached = (update, training)
  }
}
let base = setup.base.exactMatch(on: setup.heldOut, workspace: ws).passAtOne
let final = trainer.policy.exactMatch(on: setup.heldOut, workspace: ws).passAtOne
print(
  String(
    format: "SFT base (1,500 steps):               %6.2f s, held-out pass@1 %.1f%%", setupTime,
    100 * base))
if let reached {
  print(
    String(
      format: "GRPO to 80%% held-out pass@1:          %6.2f s (%d updates)", reached.seconds,
      reached.update))
}
print(
  String(
    format: "GRPO, 300 updates:                    %6.2f s, held-out pass@1 %.1f%%", training,
    100 * final))
