import Foundation
import Testing

@testable import RL

/// A linear softmax policy for the corridor: logits = W·[1] + b, four parameters.
func corridorPolicy(seed: UInt64 = 1) -> CategoricalPolicy {
  var g = SeededGenerator(seed: seed)
  return CategoricalPolicy(observationSize: 1, actionCount: 2, hidden: [], using: &g)
}

/// J(θ) for the corridor from the closed form.
func corridorValue(_ policy: CategoricalPolicy) -> Double {
  ShortCorridor.value(probabilityRight: policy.distribution([1]).probabilities[1])
}

@Suite struct REINFORCETests {
  /// The mean of many REINFORCE estimates against the finite-difference gradient of the
  /// closed-form J(θ), with and without a (constant) baseline.
  @Test(arguments: [0.0, -11.0])
  func estimateIsUnbiased(baseline: Double) {
    var policy = corridorPolicy()
    policy.network.parameters = [0.1, 0.4, -0.2, 0.3]
    let exact = numericalGradient(policy.network.parameters) { p in
      var q = policy
      q.network.parameters = p
      return corridorValue(q)
    }
    var env = ShortCorridor()
    var g = SeededGenerator(seed: 8)
    let n = 3_000
    var samples: [[Double]] = []
    for _ in 0..<n {
      let e = sampleEpisode(policy, in: &env, using: &g)
      let b = [Double](repeating: baseline, count: e.count)
      samples.append(reinforceGradient(policy, episode: e, discount: 1, baselines: b))
    }
    for i in exact.indices {
      let column = samples.map { $0[i] }
      #expect(abs(mean(column) - exact[i]) < 4 * standardError(column) + 1e-9)
    }
  }

  @Test func baselineReducesVariance() {
    let policy = corridorPolicy()
    var env = ShortCorridor()
    var g = SeededGenerator(seed: 9)
    var plain: [Double] = []
    var withBaseline: [Double] = []
    for _ in 0..<2_000 {
      let e = sampleEpisode(policy, in: &env, using: &g)
      plain.append(reinforceGradient(policy, episode: e, discount: 1)[0])
      let b = [Double](repeating: -11, count: e.count)
      withBaseline.append(reinforceGradient(policy, episode: e, discount: 1, baselines: b)[0])
    }
    #expect(variance(withBaseline) < 0.5 * variance(plain))
  }

  @Test func learnsTheCorridorsBestStochasticPolicy() {
    var c = REINFORCEConfiguration()
    c.episodes = 1_000
    c.hidden = []
    c.discount = 1
    c.policyLearningRate = 0.02
    c.valueLearningRate = 0.1
    var rng = SeededGenerator(seed: 3)
    let run = trainREINFORCE(configuration: c, using: &rng) { ShortCorridor() }
    let p = run.policy.distribution([1]).probabilities[1]
    #expect(abs(p - ShortCorridor.optimalProbabilityRight) < 0.1)
  }
}

@Suite struct ActorCriticTests {
  @Test func oneStepActorCriticImprovesOnCartPole() {
    var c = ActorCriticConfiguration()
    c.totalSteps = 15_000
    c.hidden = [16]
    var rng = SeededGenerator(seed: 1)
    let run = trainActorCritic(configuration: c, using: &rng) { CartPole() }
    let returns = run.episodes.map(\.return)
    #expect(mean(Array(returns.suffix(10))) > 2 * mean(Array(returns.prefix(10))))
  }

  @Test func a2cImprovesOnTheCorridor() {
    var c = A2CConfiguration()
    c.totalSteps = 8_000
    c.hidden = []
    c.discount = 1
    c.learningRate = 0.01
    var rng = SeededGenerator(seed: 2)
    let run = trainA2C(configuration: c, using: &rng) { ShortCorridor() }
    #expect(corridorValue(run.policy) > -14)
  }
}

@Suite struct RolloutTests {
  @Test func vectorEnvironmentResetsAndKeepsTheFinalObservation() {
    var envs = VectorEnvironment(count: 2, seed: 1) { ShortCorridor(maxEpisodeSteps: 3) }
    var s = envs.step([1, 0])
    s = envs.step([1, 0])
    #expect(s.finishedEpisodes.isEmpty)
    s = envs.step([1, 0])
    // Both hit the 3-step limit: copy 0 went 0 → 1 → 0 → 1, copy 1 stayed at the wall.
    #expect(s.truncated == [true, true] && s.terminated == [false, false])
    #expect(s.finalObservations.allSatisfy { $0 != nil })
    #expect(s.finishedEpisodes.map(\.return) == [-3, -3])
    #expect(envs.environments.map(\.cell) == [0, 0])
  }

  @Test func truncatedStepsBootstrapFromTheFinalObservation() {
    var envs = VectorEnvironment(count: 1, seed: 1) { ShortCorridor(maxEpisodeSteps: 2) }
    var g = SeededGenerator(seed: 5)
    let policy = corridorPolicy()
    var value = ValueNetwork(inputSize: 1, hidden: [], using: &g)
    value.network.parameters = [0, -7]  // V ≡ −7
    let r = Rollout.collect(
      from: &envs, policy: policy, value: value, steps: 6, startStep: 0, using: &g)
    for t in 0..<6 {
      if r.terminated[t] {
        #expect(r.nextValues[t] == 0)
      } else {
        #expect(r.nextValues[t] == -7)
      }
    }
    #expect(r.truncated.filter { $0 }.count >= 1)
  }
}

@Suite struct TRPOTests {
  @Test func fisherVectorProductIsTheHessianOfTheMeanKL() {
    var g = SeededGenerator(seed: 6)
    let policy = CategoricalPolicy(
      observationSize: 3, actionCount: 3, hidden: [4], outputGain: 1, using: &g)
    let batch = 5
    let obs = normals(batch * 3, &g)
    let (old, tape) = policy.distributions(obs, batch: batch)
    let v = normals(policy.network.parameterCount, &g)
    let fv = fisherVectorProduct(policy, tape: tape, distributions: old, v, damping: 0)
    // ∇θ mean KL(old ‖ π_θ) = backprop of (p_θ − p_old)/n; differentiate it along v.
    func klGradient(_ p: [Double]) -> [Double] {
      var q = policy
      q.network.parameters = p
      let (new, t) = q.distributions(obs, batch: batch)
      var d = [Double]()
      for i in 0..<batch {
        for a in 0..<3 { d.append((new[i].probabilities[a] - old[i].probabilities[a]) / 5) }
      }
      var out = [Double](repeating: 0, count: p.count)
      q.network.backward(t, outputGradient: d, into: &out)
      return out
    }
    let h = 1e-5
    let plus = klGradient(zip(policy.network.parameters, v).map { $0 + h * $1 })
    let minus = klGradient(zip(policy.network.parameters, v).map { $0 - h * $1 })
    let numeric = zip(plus, minus).map { ($0 - $1) / (2 * h) }
    #expect(maxRelativeError(fv, numeric) < 1e-7)
  }

  @Test func everyAcceptedStepStaysInsideTheTrustRegion() {
    var c = TRPOConfiguration()
    c.totalSteps = 4_096
    c.environmentCount = 2
    c.stepsPerRollout = 128
    c.hidden = [8]
    c.maxKL = 0.005
    var rng = SeededGenerator(seed: 1)
    let logs = trainTRPO(configuration: c, using: &rng) { CartPole() }.updates
    #expect(logs.count == 16)
    #expect(logs.allSatisfy { $0.kl <= c.maxKL })
    #expect(logs.contains { $0.stepFraction > 0 })
  }
}

@Suite struct PPOTests {
  @Test(arguments: [
    PPOObjective.clip, .adaptiveKLPenalty(targetKL: 0.01, initialBeta: 1),
  ])
  func ppoLearnsTheCorridor(objective: PPOObjective) {
    var c = PPOConfiguration()
    c.totalSteps = 8_192
    c.hidden = []
    c.discount = 1
    c.learningRate = 0.02
    c.objective = objective
    var rng = SeededGenerator(seed: 1)
    let run = trainPPO(configuration: c, using: &rng) { ShortCorridor() }
    #expect(corridorValue(run.policy) > -13)
  }

  @Test func penaltyCoefficientFollowsTheAdaptationRule() {
    var c = PPOConfiguration()
    c.totalSteps = 4_096
    c.hidden = [8]
    c.objective = .adaptiveKLPenalty(targetKL: 0.01, initialBeta: 1)
    var rng = SeededGenerator(seed: 1)
    let run = trainPPO(configuration: c, using: &rng) { CartPole() }
    for (a, b) in zip(run.updates, run.updates.dropFirst()) {
      #expect(
        b.beta == adaptedPenaltyCoefficient(a.beta, measuredKL: a.kl, target: 0.01))
    }
  }

  @Test func trainingIsDeterministicGivenTheSeed() {
    var c = PPOConfiguration()
    c.totalSteps = 1_024
    c.hidden = [8]
    var rngA = SeededGenerator(seed: 5)
    let a = trainPPO(configuration: c, using: &rngA) { CartPole() }
    var rngB = SeededGenerator(seed: 5)
    let b = trainPPO(configuration: c, using: &rngB) { CartPole() }
    #expect(a.policy.network.parameters == b.policy.network.parameters)
  }
}
