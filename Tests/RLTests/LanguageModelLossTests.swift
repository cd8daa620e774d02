import Foundation
import Testing

@testable import RL

/// Finite-difference checks of every RL loss on the tiny LM, on a very small model.
@Suite struct LanguageModelLossTests {
  let config = TinyLMConfig(
    contextLength: 7, modelWidth: 4, headCount: 2, layerCount: 1, mlpWidth: 6)

  func model(seed: UInt64) -> TinyLM {
    var rng = SeededGenerator(seed: seed)
    var m = TinyLM(config: config, using: &rng)
    for i in 0...config.modelWidth { m.parameters[m.layout.scalarHead + i] = rng.normal() }
    return m
  }

  /// The largest relative error between `analytic` and central differences of `loss`.
  func worstError(_ m: TinyLM, _ analytic: [Double], _ loss: (TinyLM) -> Double) -> Double {
    var worst = 0.0
    let h = 1e-6
    for i in 0..<m.parameterCount {
      var plus = m
      plus.parameters[i] += h
      var minus = m
      minus.parameters[i] -= h
      let numeric = (loss(plus) - loss(minus)) / (2 * h)
      worst = max(worst, abs(numeric - analytic[i]) / max(1, abs(numeric)))
    }
    return worst
  }

  var rollouts: [PolicyRollout] {
    let sequences = [
      [1, Vocabulary.plus, 2, Vocabulary.equals, 3, Vocabulary.endOfSequence],
      [4, Vocabulary.plus, 5, Vocabulary.equals, 9],
      [9, Vocabulary.plus, 9, Vocabulary.equals, 1, 8, Vocabulary.endOfSequence],
    ]
    var rng = SeededGenerator(seed: 1)
    return sequences.map { s in
      PolicyRollout(
        sequence: TrainingSequence(tokens: s, responseStart: 4), reward: 0,
        advantages: s.map { _ in rng.normal() },
        // Old log-probs far from the current ones, so that some ratios are clipped.
        oldLogProbs: s.map { _ in -2.6 + 0.8 * rng.normal() },
        referenceLogProbs: s.map { _ in -2.6 + 0.5 * rng.normal() })
    }
  }

  @Test(arguments: [
    LossAggregation.sequenceMeanThenBatchMean, .tokenMean, .constantNormalizer(maxLength: 3),
  ])
  func clippedPolicyLossGradient(aggregation: LossAggregation) {
    let m = model(seed: 2)
    let ws = TinyLMWorkspace(config: config)
    let batch = rollouts
    func f(_ p: TinyLM) -> Double {
      clippedPolicyLoss(
        policy: p, rollouts: batch, clipRange: 0.2, klCoefficient: 0.3, aggregation: aggregation,
        workspace: TinyLMWorkspace(config: config)
      ).loss
    }
    let (_, gradient, stats) = clippedPolicyLoss(
      policy: m, rollouts: batch, clipRange: 0.2, klCoefficient: 0.3, aggregation: aggregation,
      workspace: ws)
    #expect(stats.clipFraction > 0 && stats.clipFraction < 1)
    #expect(worstError(m, gradient, f) < 1e-5)
  }

  @Test func aggregationWeightsFollowTheirFormulas() {
    let lengths = [1, 3]
    // Sequence mean: each sequence weighs 1/N, split over its tokens.
    #expect(
      LossAggregation.sequenceMeanThenBatchMean.tokenWeight(length: 1, lengths: lengths) == 0.5)
    #expect(
      LossAggregation.sequenceMeanThenBatchMean.tokenWeight(length: 3, lengths: lengths) == 0.5 / 3)
    #expect(LossAggregation.tokenMean.tokenWeight(length: 1, lengths: lengths) == 0.25)
    #expect(
      LossAggregation.constantNormalizer(maxLength: 5).tokenWeight(length: 3, lengths: lengths)
        == 0.1)
  }

  @Test func onPolicyRatioIsOneAndTheLossIsMinusTheAdvantageWithoutKL() {
    let m = model(seed: 4)
    let ws = TinyLMWorkspace(config: config)
    var batch = rollouts
    for i in batch.indices {
      batch[i].oldLogProbs = m.tokenLogProbabilities(of: batch[i].sequence.tokens, workspace: ws)
      batch[i].advantages = batch[i].sequence.tokens.map { _ in Double(i) }
    }
    let (loss, _, stats) = clippedPolicyLoss(
      policy: m, rollouts: batch, clipRange: 0.2, klCoefficient: 0, aggregation: .tokenMean,
      workspace: ws)
    // Token mean of −Â: lengths 2, 1, 3 with Â = 0, 1, 2 → −(0·2 + 1·1 + 2·3)/6.
    #expect(abs(loss + 7.0 / 6.0) < 1e-12)
    #expect(stats.clipFraction == 0)
  }

  @Test func groupAdvantagesAreStandardisedWithinTheGroup() {
    let a = groupAdvantages([1, 0, 0, 1], epsilon: 0)
    #expect(a == [1, -1, -1, 1])
    #expect(
      groupAdvantages([1, 0, 0, 0], scaleByStandardDeviation: false) == [0.75, -0.25, -0.25, -0.25])
    #expect(groupAdvantages([1, 1, 1]).allSatisfy { $0 == 0 })
  }

  @Test func bradleyTerryGradient() {
    let m = model(seed: 5)
    let pairs = [
      PreferencePair(prompt: [1, 10, 2, 11], chosen: [3, 12], rejected: [4, 12]),
      PreferencePair(prompt: [9, 10, 9, 11], chosen: [1, 8, 12], rejected: [7, 12]),
    ]
    let (loss, gradient, _) = bradleyTerryLoss(
      rewardModel: m, pairs: pairs, workspace: TinyLMWorkspace(config: config))
    let f = { (p: TinyLM) in
      bradleyTerryLoss(
        rewardModel: p, pairs: pairs, workspace: TinyLMWorkspace(config: self.config)
      ).loss
    }
    #expect(loss > 0)
    #expect(worstError(m, gradient, f) < 1e-6)
  }

  @Test func dpoGradientAndImplicitRewards() {
    let m = model(seed: 6)
    let reference = model(seed: 7)
    let ws = TinyLMWorkspace(config: config)
    let pairs = [
      PreferencePair(prompt: [1, 10, 2, 11], chosen: [3, 12], rejected: [4, 12]),
      PreferencePair(prompt: [9, 10, 9, 11], chosen: [1, 8, 12], rejected: [7, 12]),
    ]
    let refs = reference.referenceLogProbabilities(for: pairs, workspace: ws)
    let (_, gradient, stats) = dpoLoss(
      policy: m, pairs: pairs, reference: refs, beta: 0.5, workspace: ws)
    let f = { (p: TinyLM) in
      dpoLoss(
        policy: p, pairs: pairs, reference: refs, beta: 0.5,
        workspace: TinyLMWorkspace(config: self.config)
      ).loss
    }
    #expect(worstError(m, gradient, f) < 1e-6)
    #expect(abs(stats.meanMargin - (stats.meanChosenReward - stats.meanRejectedReward)) < 1e-12)
    // Against itself as reference, every implicit reward is zero and the loss is log 2.
    let selfRefs = m.referenceLogProbabilities(for: pairs, workspace: ws)
    let (loss, _, s) = dpoLoss(
      policy: m, pairs: pairs, reference: selfRefs, beta: 0.5, workspace: ws)
    #expect(abs(loss - log(2)) < 1e-12 && s.meanMargin == 0)
  }

  @Test func valueRegressionGradient() {
    let m = model(seed: 8)
    let batch = rollouts
    var rng = SeededGenerator(seed: 9)
    let targets = batch.map { r in r.sequence.tokens.map { _ in rng.normal() } }
    let (_, gradient) = valueRegressionLoss(
      critic: m, rollouts: batch, targets: targets, workspace: TinyLMWorkspace(config: config))
    let f = { (p: TinyLM) in
      valueRegressionLoss(
        critic: p, rollouts: batch, targets: targets,
        workspace: TinyLMWorkspace(config: self.config)
      ).loss
    }
    #expect(worstError(m, gradient, f) < 1e-6)
  }

  @Test func maskedCrossEntropyGradientIgnoresThePrompt() {
    let m = model(seed: 10)
    let batch = [
      TrainingSequence(tokens: [1, 10, 2, 11, 3, 12], responseStart: 4),
      TrainingSequence(tokens: [9, 10, 9, 11, 1, 8, 12], responseStart: 4),
    ]
    let (loss, gradient) = maskedCrossEntropy(
      model: m, batch: batch, workspace: TinyLMWorkspace(config: config))
    let f = { (p: TinyLM) in
      maskedCrossEntropy(model: p, batch: batch, workspace: TinyLMWorkspace(config: self.config))
        .loss
    }
    #expect(worstError(m, gradient, f) < 1e-6)
    // The loss is the mean over the 5 response tokens only.
    let ws = TinyLMWorkspace(config: config)
    var total = 0.0
    for s in batch {
      let lp = m.tokenLogProbabilities(of: s.tokens, workspace: ws)
      total -= lp[s.responseStart...].reduce(0, +)
    }
    #expect(abs(loss - total / 5) < 1e-12)
  }
}
