import Foundation
import Testing

@testable import RL

@Suite struct TinyLMTests {
  let config = TinyLMConfig(
    contextLength: 6, modelWidth: 4, headCount: 2, layerCount: 2, mlpWidth: 6)

  /// A loss that touches every head: Σₜ cₜ·log pₜ + Σₜ sₜ·scalarₜ.
  func loss(_ model: TinyLM, _ tokens: [Int], _ c: [Double], _ s: [Double]) -> Double {
    let ws = TinyLMWorkspace(config: model.config)
    let lp = model.tokenLogProbabilities(of: tokens, workspace: ws)
    var total = 0.0
    for t in tokens.indices { total += c[t] * lp[t] + s[t] * ws.scalarOutput(at: t) }
    return total
  }

  @Test func everyParameterGradientMatchesFiniteDifferences() {
    var rng = SeededGenerator(seed: 7)
    var model = TinyLM(config: config, using: &rng)
    // Give the scalar head weights too, so its input gradient is exercised.
    for i in 0..<(config.modelWidth + 1) {
      model.parameters[model.layout.scalarHead + i] = rng.normal()
    }
    let tokens = [3, Vocabulary.plus, 4, Vocabulary.equals, 7, Vocabulary.endOfSequence]
    let c = tokens.indices.map { $0 == 0 ? 0 : rng.normal() }
    let s = tokens.indices.map { _ in rng.normal() }
    let ws = TinyLMWorkspace(config: config)
    model.forward(tokens: tokens, count: tokens.count, workspace: ws)
    var gradient = [Double](repeating: 0, count: model.parameterCount)
    model.backward(logProbGradient: c, scalarGradient: s, into: &gradient, workspace: ws)
    var worst = 0.0
    let h = 1e-6
    for i in 0..<model.parameterCount {
      var plus = model
      plus.parameters[i] += h
      var minus = model
      minus.parameters[i] -= h
      let numeric = (loss(plus, tokens, c, s) - loss(minus, tokens, c, s)) / (2 * h)
      let error = abs(numeric - gradient[i]) / max(1, abs(numeric))
      worst = max(worst, error)
    }
    #expect(worst < 1e-6)
    #expect(gradient.contains { $0 != 0 })
  }

  @Test func incrementalForwardMatchesFullForward() {
    var rng = SeededGenerator(seed: 3)
    let model = TinyLM(config: config, using: &rng)
    let ws = TinyLMWorkspace(config: config)
    let sequence = model.generate(
      prompt: [1, Vocabulary.plus, 2, Vocabulary.equals], maxNewTokens: 2, using: &rng,
      workspace: ws)
    let cached = (0..<sequence.count).map { ws.logits(at: $0) }
    let full = TinyLMWorkspace(config: config)
    model.forward(tokens: sequence, count: sequence.count, workspace: full)
    for t in sequence.indices { #expect(cached[t] == full.logits(at: t)) }
  }

  @Test func logProbabilitiesAreNormalisedAndCausal() {
    var rng = SeededGenerator(seed: 5)
    let model = TinyLM(config: config, using: &rng)
    let ws = TinyLMWorkspace(config: config)
    model.forward(tokens: [1, 2, 3], count: 3, workspace: ws)
    let total = (0..<Vocabulary.size).map { exp(ws.logProbability(of: $0, at: 1)) }.reduce(0, +)
    #expect(abs(total - 1) < 1e-12)
    let before = ws.logits(at: 1)
    model.forward(tokens: [1, 2, 9], count: 3, workspace: ws)
    #expect(ws.logits(at: 1) == before)  // position 1 cannot see position 2
  }

  @Test func samplingDistributionHonoursTemperatureAndTopK() {
    let logits = [2.0, 1.0, 0.0, -1.0]
    let p = samplingDistribution(logits: logits, temperature: 1, topK: 2)
    #expect(p[2] == 0 && p[3] == 0)
    #expect(abs(p[0] - 1 / (1 + exp(-1))) < 1e-12)
    let cold = samplingDistribution(logits: logits, temperature: 0.1)
    #expect(cold[0] > 0.99)
    let hot = samplingDistribution(logits: logits, temperature: 100)
    #expect(hot.allSatisfy { abs($0 - 0.25) < 0.01 })
  }

  @Test func topKSamplingNeverLeavesTheTopK() {
    var rng = SeededGenerator(seed: 11)
    let model = TinyLM(config: config, using: &rng)
    let ws = TinyLMWorkspace(config: config)
    model.forward(tokens: [1, 2], count: 2, workspace: ws)
    let logits = ws.logits(at: 1)
    let allowed = Set(logits.indices.sorted { logits[$0] > logits[$1] }.prefix(3))
    for _ in 0..<200 {
      let s = model.generate(
        prompt: [1, 2], maxNewTokens: 1, topK: 3, using: &rng, workspace: ws)
      #expect(allowed.contains(s[2]))
    }
  }

  /// A packed batch (the trainers' path) gives the same bits as one sequence at a time.
  @Test func aPackedBatchMatchesOneSequenceAtATime() {
    var rng = SeededGenerator(seed: 11)
    let model = TinyLM(config: config, using: &rng)
    // Lengths from one token to the whole context.
    let sequences = [1, config.contextLength, 3, 2, 1, 5].map { length in
      (0..<length).map { _ in rng.int(below: config.vocabularySize) }
    }
    let logProbGradients = sequences.map { s in s.indices.map { _ in rng.normal() } }
    let scalarGradients = sequences.map { s in s.indices.map { _ in rng.normal() } }
    let ws = TinyLMWorkspace(config: config)
    var oneByOne = [Double](repeating: 0, count: model.parameterCount)
    var logProbs = [[Double]]()
    for (k, sequence) in sequences.enumerated() {
      logProbs.append(model.tokenLogProbabilities(of: sequence, workspace: ws))
      model.backward(
        logProbGradient: logProbGradients[k], scalarGradient: scalarGradients[k],
        into: &oneByOne, workspace: ws)
    }
    let packed = TinyLMWorkspace(config: config)
    let starts = model.forward(batch: sequences, workspace: packed)
    var together = [Double](repeating: 0, count: model.parameterCount)
    model.backwardRows(
      logProbGradient: logProbGradients.flatMap { $0 },
      scalarGradient: scalarGradients.flatMap { $0 }, into: &together, workspace: packed)
    #expect(together.map(\.bitPattern) == oneByOne.map(\.bitPattern))
    for k in sequences.indices {
      let rows = starts[k]..<starts[k + 1]
      #expect(packed.tokenLogProbabilities(rows: rows) == logProbs[k])
    }
  }

  /// Sampling a group from one prompt's cached keys and values draws the same sequences as
  /// separate calls, and its log-probabilities are the teacher-forced ones.
  @Test func groupSamplingMatchesSeparateCalls() {
    var rng = SeededGenerator(seed: 12)
    let model = TinyLM(config: config, using: &rng)
    let ws = TinyLMWorkspace(config: config)
    let prompt = [2, Vocabulary.plus, 5]
    var a = SeededGenerator(seed: 13)
    var b = a
    let group = model.generate(
      prompt: prompt, samples: 6, maxNewTokens: 3, temperature: 0.9, using: &a, workspace: ws)
    for sample in group {
      let alone = model.generate(
        prompt: prompt, maxNewTokens: 3, temperature: 0.9, using: &b, workspace: ws)
      #expect(sample.tokens == alone)
      #expect(sample.logProbabilities == model.tokenLogProbabilities(of: alone, workspace: ws))
    }
    #expect(a.uniform() == b.uniform())
  }
}
