import Foundation
import Testing

@testable import RL

@Suite struct KLEstimatorTests {
  @Test func estimatorsAgreeWithTheirFormulasAndSigns() {
    for logR in [-2.0, -0.1, 0, 0.3, 1.5] {
      let r = exp(logR)
      #expect(KLEstimator.k1.estimate(logRatio: logR) == -logR)
      #expect(abs(KLEstimator.k2.estimate(logRatio: logR) - 0.5 * logR * logR) < 1e-15)
      #expect(abs(KLEstimator.k3.estimate(logRatio: logR) - ((r - 1) - logR)) < 1e-12)
      #expect(KLEstimator.k3.estimate(logRatio: logR) >= 0)
    }
  }

  @Test func derivativesMatchFiniteDifferences() {
    // log r = log π_ref − log π, so d/d log π = −d/d log r.
    for estimator in KLEstimator.allCases {
      for logR in [-1.0, 0.2, 0.9] {
        let h = 1e-6
        let numeric =
          -(estimator.estimate(logRatio: logR + h) - estimator.estimate(logRatio: logR - h))
          / (2 * h)
        #expect(abs(numeric - estimator.derivativeWithRespectToLogPolicy(logRatio: logR)) < 1e-8)
      }
    }
  }

  @Test func k1AndK3AreUnbiasedForCategoricals() {
    // Exact expectations under x ~ p of each estimator of KL(p ‖ q).
    let p = [0.5, 0.3, 0.2]
    let q = [0.2, 0.2, 0.6]
    let exact = klDivergence(p, q)
    func expectation(_ e: KLEstimator) -> Double {
      zip(p, q).reduce(0) { $0 + $1.0 * e.estimate(logRatio: log($1.1 / $1.0)) }
    }
    #expect(abs(expectation(.k1) - exact) < 1e-12)
    #expect(abs(expectation(.k3) - exact) < 1e-12)
    #expect(abs(expectation(.k2) - exact) > 1e-3)  // k2 is biased
  }

  @Test func gaussianClosedFormMatchesSampling() {
    #expect(
      gaussianKLDivergence(mean1: 0, standardDeviation1: 1, mean2: 0, standardDeviation2: 1) == 0)
    var rng = SeededGenerator(seed: 3)
    var total = 0.0
    let n = 20_000
    for _ in 0..<n {
      let x = rng.normal(mean: 0.5, standardDeviation: 1.2)
      let lp = -0.5 * pow((x - 0.5) / 1.2, 2) - log(1.2)
      let lq = -0.5 * pow(x / 1.0, 2)
      total += lp - lq
    }
    let closed = gaussianKLDivergence(
      mean1: 0.5, standardDeviation1: 1.2, mean2: 0, standardDeviation2: 1)
    #expect(abs(total / Double(n) - closed) < 0.03)
  }
}
