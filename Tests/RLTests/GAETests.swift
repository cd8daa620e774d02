import Foundation
import Testing

@testable import RL

@Suite struct GAETests {
  let rewards = [1.0, 0.5, -0.2, 2.0, 0.3, 1.1]
  let values = [0.4, 0.9, -0.3, 1.2, 0.7, 0.2]
  let nextValues = [0.9, -0.3, 1.2, 0.7, 0.2, 0.8]
  let gamma = 0.9

  @Test func lambdaZeroGivesTheTDErrors() {
    let terminated = [false, false, true, false, false, false]
    let truncated = [false, false, false, false, false, true]
    let a = generalizedAdvantageEstimates(
      rewards: rewards, values: values, nextValues: nextValues, terminated: terminated,
      truncated: truncated, discount: gamma, lambda: 0
    ).advantages
    for t in rewards.indices {
      let bootstrap = terminated[t] ? 0 : nextValues[t]
      #expect(abs(a[t] - (rewards[t] + gamma * bootstrap - values[t])) < 1e-12)
    }
  }

  @Test func lambdaOneGivesTheDiscountedReturnMinusV() {
    // One episode that terminates at the end: the MC return needs no bootstrap.
    var terminated = [Bool](repeating: false, count: 6)
    terminated[5] = true
    let truncated = [Bool](repeating: false, count: 6)
    // Consistent next values (V(sₜ₊₁) = values[t+1]), as in a real rollout.
    let next = Array(values.dropFirst()) + [0]
    let (a, returns) = generalizedAdvantageEstimates(
      rewards: rewards, values: values, nextValues: next, terminated: terminated,
      truncated: truncated, discount: gamma, lambda: 1)
    var g = 0.0
    for t in stride(from: 5, through: 0, by: -1) {
      g = rewards[t] + gamma * g
      #expect(abs(a[t] - (g - values[t])) < 1e-12)
      #expect(abs(returns[t] - g) < 1e-12)
    }
  }

  @Test func truncationBootstrapsButDoesNotLeakAcrossEpisodes() {
    // Episode A: steps 0–2, truncated at 2 (bootstraps from V = nextValues[2]).
    // Episode B: steps 3–5, terminated at 5.
    let terminated = [false, false, false, false, false, true]
    let truncated = [false, false, true, false, false, false]
    var next = Array(values.dropFirst()) + [0]
    next[2] = 5.0  // the value of the final observation of episode A
    let lam = 0.7
    let a = generalizedAdvantageEstimates(
      rewards: rewards, values: values, nextValues: next, terminated: terminated,
      truncated: truncated, discount: gamma, lambda: lam
    ).advantages
    // Episode A on its own, with its truncation treated as a bootstrapped end.
    let aAlone = generalizedAdvantageEstimates(
      rewards: Array(rewards[0..<3]), values: Array(values[0..<3]),
      nextValues: Array(next[0..<3]), terminated: [false, false, false],
      truncated: [false, false, true], discount: gamma, lambda: lam
    ).advantages
    #expect(maxRelativeError(Array(a[0..<3]), aAlone) < 1e-12)
    // Its last advantage is the one-step TD error with the bootstrap kept.
    #expect(abs(a[2] - (rewards[2] + gamma * 5.0 - values[2])) < 1e-12)
    // Had it terminated instead, the bootstrap would be cut.
    var terminatedInstead = terminated
    terminatedInstead[2] = true
    let cut = generalizedAdvantageEstimates(
      rewards: rewards, values: values, nextValues: next, terminated: terminatedInstead,
      truncated: [Bool](repeating: false, count: 6), discount: gamma, lambda: lam
    ).advantages
    #expect(abs(cut[2] - (rewards[2] - values[2])) < 1e-12)
    #expect(maxRelativeError(Array(cut[3...]), Array(a[3...])) < 1e-12)
  }

  @Test func lambdaInterpolatesAsAWeightedSumOfNStepAdvantages() {
    // Without episode ends, Âᵗ(λ) = (1 − λ) Σₙ λⁿ⁻¹ Âᵗ⁽ⁿ⁾ plus the tail weight on the
    // longest n-step advantage.
    let n = rewards.count
    let next = Array(values.dropFirst()) + [0.8]
    let none = [Bool](repeating: false, count: n)
    let lam = 0.6
    let a = generalizedAdvantageEstimates(
      rewards: rewards, values: values, nextValues: next, terminated: none, truncated: none,
      discount: gamma, lambda: lam
    ).advantages
    func nStep(_ t: Int, _ k: Int) -> Double {
      var total = 0.0
      var discount = 1.0
      for i in t..<(t + k) {
        total += discount * rewards[i]
        discount *= gamma
      }
      return total + discount * next[t + k - 1] - values[t]
    }
    let horizon = n  // advantages at t = 0 use up to 6 steps
    var mixed = 0.0
    for k in 1..<horizon { mixed += (1 - lam) * pow(lam, Double(k - 1)) * nStep(0, k) }
    mixed += pow(lam, Double(horizon - 1)) * nStep(0, horizon)
    #expect(abs(a[0] - mixed) < 1e-12)
  }
}
