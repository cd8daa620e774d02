import Foundation
import Testing

@testable import RL

@Suite struct PPOLossTests {
  let epsilon = 0.2

  /// The six cases: sign of Â × ratio below, inside or above [1 − ε, 1 + ε].
  @Test(arguments: [
    (1.0, 0.7, false), (1.0, 1.1, false), (1.0, 1.5, true),
    (-1.0, 0.7, true), (-1.0, 1.1, false), (-1.0, 1.5, false),
  ])
  func clipIsActiveOnlyWhenItBlocksFurtherImprovement(
    advantage: Double, ratio: Double, clipped: Bool
  ) {
    let s = clippedSurrogateLoss(logRatio: log(ratio), advantage: advantage, clipRange: epsilon)
    #expect(s.clipped == clipped)
    #expect((s.dLogProbability == 0) == clipped)
    let expected = -min(advantage * ratio, advantage * min(max(ratio, 0.8), 1.2))
    #expect(abs(s.loss - expected) < 1e-12)
  }

  @Test func surrogateGradientMatchesFiniteDifferences() {
    for advantage in [1.3, -0.7] {
      for logRatio in [-0.5, -0.1, 0.0, 0.1, 0.3] {
        let s = clippedSurrogateLoss(logRatio: logRatio, advantage: advantage, clipRange: epsilon)
        let h = 1e-6
        let numeric =
          (clippedSurrogateLoss(logRatio: logRatio + h, advantage: advantage, clipRange: epsilon)
            .loss
            - clippedSurrogateLoss(logRatio: logRatio - h, advantage: advantage, clipRange: epsilon)
            .loss) / (2 * h)
        #expect(abs(s.dLogProbability - numeric) < 1e-6)
      }
    }
  }

  @Test func valueLossGradientMatchesFiniteDifferences() {
    for clip in [nil, 0.2] as [Double?] {
      for v in [0.3, 0.55, 0.9, 1.4] {
        let l = valueLoss(value: v, oldValue: 0.5, target: 1.0, clipRange: clip)
        let h = 1e-6
        let numeric =
          (valueLoss(value: v + h, oldValue: 0.5, target: 1.0, clipRange: clip).loss
            - valueLoss(value: v - h, oldValue: 0.5, target: 1.0, clipRange: clip).loss) / (2 * h)
        #expect(abs(l.dValue - numeric) < 1e-6)
      }
    }
  }

  @Test func approximateKLEstimatesTheTrueKL() {
    let old = Categorical(logits: [0.2, -0.3, 0.5])
    let new = Categorical(logits: [0.25, -0.4, 0.55])
    var g = SeededGenerator(seed: 4)
    var ratios: [Double] = []
    for _ in 0..<50_000 {
      let a = old.sample(using: &g)
      ratios.append(new.logProbability(of: a) - old.logProbability(of: a))
    }
    let exact = old.klDivergence(to: new)
    #expect(abs(approximateKL(logRatios: ratios) - exact) < 0.1 * exact)
    #expect(approximateKL(logRatios: [-0.3, 0.2, 0]) >= 0)
  }

  @Test func betaHalvesDoublesOrStays() {
    #expect(adaptedPenaltyCoefficient(1, measuredKL: 0.001, target: 0.01) == 0.5)
    #expect(adaptedPenaltyCoefficient(1, measuredKL: 0.02, target: 0.01) == 2)
    #expect(adaptedPenaltyCoefficient(1, measuredKL: 0.01, target: 0.01) == 1)
  }
}

@Suite struct ConjugateGradientTests {
  @Test func solvesASymmetricPositiveDefiniteSystem() {
    var g = SeededGenerator(seed: 2)
    let n = 6
    let b = normals(n * n, &g)
    // A = BᵀB + I is symmetric positive definite.
    var a = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0..<n {
        var s = i == j ? 1.0 : 0.0
        for k in 0..<n { s += b[k * n + i] * b[k * n + j] }
        a[i * n + j] = s
      }
    }
    let multiply = { (v: [Double]) in
      (0..<n).map { i in (0..<n).reduce(0.0) { $0 + a[i * n + $1] * v[$1] } }
    }
    let rhs = normals(n, &g)
    let x = conjugateGradient(multiply, rhs, iterations: n)
    #expect(maxRelativeError(multiply(x), rhs) < 1e-8)
  }
}
