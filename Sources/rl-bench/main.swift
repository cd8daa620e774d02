// rl-bench: throughput of the tabular hot loops, for bench/tabular.sh.
//
// Prints one line per measurement: `name median_per_cpu_second` over several repetitions.
// Wall-clock numbers like these never appear in chapter output.
import Glibc
import RL

/// This process's CPU time in seconds. CPU time, not wall time, so that other work on a
/// shared machine does not count against either language (Python uses time.process_time).
func cpuSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Runs `body` `repetitions` times and returns the median of `work / CPU seconds`.
func medianRate(repetitions: Int, _ body: () -> Int) -> Double {
  var rates = [Double]()
  for _ in 0..<repetitions {
    let start = cpuSeconds()
    let work = body()
    rates.append(Double(work) / (cpuSeconds() - start))
  }
  rates.sort()
  return rates[rates.count / 2]
}

let repetitions = 5

// 1. Q-learning on CliffWalking: α = 0.5, ε = 0.1, γ = 1, 20,000 episodes from scratch.
let qRate = medianRate(repetitions: repetitions) {
  var generator = SeededGenerator(seed: 1)
  var env = CliffWalking.environment()
  var learner = TDControlLearner(.qLearning, stateCount: 48, actionCount: 4, learningRate: 0.5)
  var steps = 0
  for _ in 0..<20_000 { steps += learner.runEpisode(in: &env, using: &generator).length }
  return steps
}
print("qlearning_cliffwalking_steps_per_second", Int(qRate))

// 2. Value-iteration sweeps on a 100 × 100 grid: −1 per step, goal in the far corner, γ = 1.
var big = GridWorld(rows: 100, columns: 100)
big.terminals = [big.cellCount - 1]
let bigMDP = big.mdp()
let sweepRate = medianRate(repetitions: repetitions) {
  var values = [Double](repeating: 0, count: bigMDP.stateCount)
  for _ in 0..<500 { _ = valueIterationSweep(bigMDP, values: &values, discount: 1) }
  return 500
}
print("value_iteration_100x100_sweeps_per_second", Int(sweepRate))
