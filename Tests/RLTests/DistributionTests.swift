import Foundation
import Testing

@testable import RL

@Suite struct CategoricalTests {
  let logits = [0.3, -1.2, 0.8, 0.1]

  @Test func logProbabilityGradientMatchesFiniteDifferences() {
    for a in 0..<4 {
      let analytic = Categorical(logits: logits).logProbabilityGradient(of: a)
      let numeric = numericalGradient(logits) { Categorical(logits: $0).logProbability(of: a) }
      #expect(maxRelativeError(analytic, numeric) < 1e-8)
    }
  }

  @Test func entropyGradientMatchesFiniteDifferences() {
    let analytic = Categorical(logits: logits).entropyGradient
    let numeric = numericalGradient(logits) { Categorical(logits: $0).entropy }
    #expect(maxRelativeError(analytic, numeric) < 1e-8)
  }

  @Test func entropyOfUniformIsLogK() {
    #expect(abs(Categorical(logits: [2, 2, 2]).entropy - log(3.0)) < 1e-12)
  }

  @Test func fisherVectorProductIsTheHessianOfKL() {
    let old = Categorical(logits: logits)
    let u = [0.5, -0.1, 0.3, 0.9]
    // The derivative of ∇_z KL(old ‖ softmax(z)) = p(z) − p_old along u, at z = z_old.
    let eps = 1e-5
    let plus = Categorical(logits: zip(logits, u).map { $0 + eps * $1 }).probabilities
    let minus = Categorical(logits: zip(logits, u).map { $0 - eps * $1 }).probabilities
    let numeric = zip(plus, minus).map { ($0 - $1) / (2 * eps) }
    #expect(maxRelativeError(old.fisherVectorProduct(u), numeric) < 1e-8)
  }

  @Test func klIsZeroForEqualAndPositiveOtherwise() {
    let p = Categorical(logits: logits)
    #expect(abs(p.klDivergence(to: p)) < 1e-15)
    #expect(p.klDivergence(to: Categorical(logits: [0, 0, 0, 0])) > 0)
  }

  @Test func samplingFrequenciesMatchProbabilities() {
    let p = Categorical(logits: logits)
    var g = SeededGenerator(seed: 11)
    var counts = [0, 0, 0, 0]
    let n = 40_000
    for _ in 0..<n { counts[p.sample(using: &g)] += 1 }
    for a in 0..<4 {
      let f = Double(counts[a]) / Double(n)
      let se = (p.probabilities[a] * (1 - p.probabilities[a]) / Double(n)).squareRoot()
      #expect(abs(f - p.probabilities[a]) < 4 * se)
    }
  }
}

@Suite struct GaussianTests {
  let d = DiagonalGaussian(mean: [0.5, -1.0], logStandardDeviation: [0.2, -0.7])
  let x = [0.1, -0.4]

  @Test func logProbabilityMatchesTheDensity() {
    var expected = 0.0
    for i in 0..<2 {
      let s = exp(d.logStandardDeviation[i])
      let z = (x[i] - d.mean[i]) / s
      expected += log(exp(-z * z / 2) / (s * (2 * Double.pi).squareRoot()))
    }
    #expect(abs(d.logProbability(of: x) - expected) < 1e-12)
  }

  @Test func logProbabilityGradientsMatchFiniteDifferences() {
    let g = d.logProbabilityGradient(of: x)
    let numericMean = numericalGradient(d.mean) {
      DiagonalGaussian(mean: $0, logStandardDeviation: d.logStandardDeviation)
        .logProbability(of: x)
    }
    let numericLogStd = numericalGradient(d.logStandardDeviation) {
      DiagonalGaussian(mean: d.mean, logStandardDeviation: $0).logProbability(of: x)
    }
    #expect(maxRelativeError(g.mean, numericMean) < 1e-8)
    #expect(maxRelativeError(g.logStandardDeviation, numericLogStd) < 1e-8)
  }

  @Test func entropyAndKLMatchMonteCarlo() {
    let q = DiagonalGaussian(mean: [0.0, -0.5], logStandardDeviation: [0.0, 0.1])
    var g = SeededGenerator(seed: 3)
    let n = 100_000
    var h = 0.0
    var kl = 0.0
    for _ in 0..<n {
      let s = d.sample(using: &g)
      h -= d.logProbability(of: s) / Double(n)
      kl += (d.logProbability(of: s) - q.logProbability(of: s)) / Double(n)
    }
    #expect(abs(h - d.entropy) < 0.02)
    #expect(abs(kl - d.klDivergence(to: q)) < 0.02)
    #expect(abs(d.klDivergence(to: d)) < 1e-15)
  }

  @Test func gaussianPolicyGradientMatchesFiniteDifferences() {
    var g = SeededGenerator(seed: 9)
    let policy = GaussianPolicy(
      observationSize: 3, actionSize: 2, hidden: [4], initialLogStandardDeviation: -0.3,
      using: &g)
    let s = [0.2, -0.1, 0.5]
    let a = [0.3, -0.2]
    let analytic = policy.logProbabilityGradient(of: a, at: s)
    let numeric = numericalGradient(policy.network.parameters) { p in
      var q = policy
      q.network.parameters = p
      return q.distribution(s).logProbability(of: a)
    }
    let numericLogStd = numericalGradient(policy.logStandardDeviation) { l in
      var q = policy
      q.logStandardDeviation = l
      return q.distribution(s).logProbability(of: a)
    }
    #expect(maxRelativeError(analytic.network, numeric) < 1e-7)
    #expect(maxRelativeError(analytic.logStandardDeviation, numericLogStd) < 1e-7)
  }
}
