// Timing harness for bench/policy-gradient.sh: CartPole steps/s, PPO updates/s, and the
// wall time for PPO to solve CartPole-v1. Compiled with -O against the release RL library.
import Foundation
import RL

func seconds(_ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ x: [Double]) -> Double {
  let s = x.sorted()
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

let runs = 5

// 1. CartPole steps per second with uniformly random actions (resets included).
let steps = 2_000_000
var stepRates: [Double] = []
for r in 0..<runs {
  var generator = SeededGenerator(seed: UInt64(r))
  var env = CartPole()
  _ = env.reset(using: &generator)
  var checksum = 0.0
  let t = seconds {
    for _ in 0..<steps {
      let s = env.step(generator.int(below: 2))
      checksum += s.observation[0]
      if s.isDone { _ = env.reset(using: &generator) }
    }
  }
  precondition(checksum.isFinite)
  stepRates.append(Double(steps) / t)
}
print("Swift  CartPole-v1 steps/s (random actions): \(Int(median(stepRates))) (median of \(runs))")

// 2. PPO updates per second (one update = a 512-step rollout + 4 epochs × 4 minibatches).
var updateRates: [Double] = []
for r in 0..<runs {
  var c = PPOConfiguration()
  c.totalSteps = 20 * 512
  var rng = SeededGenerator(seed: UInt64(r + 1))
  let t = seconds { _ = trainPPO(configuration: c, using: &rng) { CartPole() } }
  updateRates.append(20 / t)
}
print(
  "Swift  PPO updates/s (4 envs × 128 steps, 4 epochs, 4 minibatches, 64-64 tanh): \(String(format: "%.1f", median(updateRates))) (median of \(runs))"
)
print("Swift  PPO environment steps/s including learning: \(Int(median(updateRates) * 512))")

// 3. Time to solve: default PPO (100k steps), then 100 evaluation episodes.
var solveTimes: [Double] = []
for seed in 1...3 {
  var evalMean = 0.0
  let t = seconds {
    var rng = SeededGenerator(seed: UInt64(seed))
    let run = trainPPO(configuration: PPOConfiguration(), using: &rng) { CartPole() }
    var evalRNG = SeededGenerator(seed: 99)
    evalMean = mean(evaluateReturns(run.policy, episodes: 100, using: &evalRNG) { CartPole() })
  }
  solveTimes.append(t)
  print(
    "Swift  PPO seed \(seed): train 100k steps + evaluate 100 episodes in \(String(format: "%.1f", t)) s, eval mean return \(String(format: "%.1f", evalMean)) \(evalMean >= 475 ? "(solved)" : "(NOT solved)")"
  )
}
print(
  "Swift  PPO time to solve CartPole-v1: median \(String(format: "%.1f", median(solveTimes))) s (requirement: ≤ 30 s)"
)
