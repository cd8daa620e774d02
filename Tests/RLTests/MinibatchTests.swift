import Testing

@testable import RL

@Suite struct MinibatchTests {
  @Test func everyEpochVisitsEverySampleOnce() {
    var g = SeededGenerator(seed: 1)
    var seen = [[Int]](repeating: [], count: 3)
    var sizes: [Int] = []
    forEachMinibatch(of: 10, minibatchCount: 4, epochs: 3, using: &g) { epoch, indices in
      seen[epoch] += indices
      sizes.append(indices.count)
    }
    for epoch in 0..<3 { #expect(seen[epoch].sorted() == Array(0..<10)) }
    // 10 / 4 = 2 per minibatch: five minibatches per epoch, none empty.
    #expect(sizes == [Int](repeating: 2, count: 15))
  }

  @Test func shufflesWithOnePermutationPerEpoch() {
    var g = SeededGenerator(seed: 7)
    var reference = SeededGenerator(seed: 7)
    var batches: [[Int]] = []
    forEachMinibatch(of: 8, minibatchCount: 2, epochs: 2, using: &g) { _, indices in
      batches.append(indices)
    }
    let first = reference.permutation(8)
    let second = reference.permutation(8)
    #expect(
      batches == [
        Array(first[0..<4]), Array(first[4..<8]), Array(second[0..<4]), Array(second[4..<8]),
      ])
    #expect(g.next() == reference.next())
  }

  @Test func oneMinibatchIsTheWholeBatchInOrderAndDrawsNothing() {
    var g = SeededGenerator(seed: 3)
    var untouched = SeededGenerator(seed: 3)
    var calls: [(Int, [Int])] = []
    forEachMinibatch(of: 5, minibatchCount: 1, epochs: 2, using: &g) { calls.append(($0, $1)) }
    #expect(calls.map(\.0) == [0, 1])
    #expect(calls.allSatisfy { $0.1 == [0, 1, 2, 3, 4] })
    #expect(g.next() == untouched.next())
  }
}

@Suite struct GradientClippingTests {
  @Test func jointClipScalesBothGradientsByOneFactor() {
    var a = [3.0, 0]
    var b = [0.0, 4]
    clipJointNorm(&a, &b, maxNorm: 1)
    #expect(abs(a[0] - 0.6) < 1e-12 && abs(b[1] - 0.8) < 1e-12)
    var c = [0.3]
    var d = [0.4]
    clipJointNorm(&c, &d, maxNorm: 1)
    #expect(c == [0.3] && d == [0.4])
  }

  @Test func singleClipReturnsTheNormBefore() {
    var g = [6.0, 8]
    #expect(clipGradientNorm(&g, maxNorm: 5) == 10)
    #expect(abs(g[0] - 3) < 1e-12 && abs(g[1] - 4) < 1e-12)
  }
}

@Suite struct TrainerConventionTests {
  @Test func theSameConceptHasTheSameDefaultEverywhere() {
    #expect(PPOConfiguration().clipRange == GRPOConfiguration().clipRange)
    #expect(PPOConfiguration().clipRange == RLHFConfiguration().clipRange)
    #expect(PPOConfiguration().discount == TRPOConfiguration().discount)
    #expect(PPOConfiguration().discount == A2CConfiguration().discount)
    #expect(PPOConfiguration().gaeLambda == TRPOConfiguration().gaeLambda)
    #expect(GRPOConfiguration().minibatchCount == 1 && RLHFConfiguration().minibatchCount == 1)
  }

  @Test func trainersDrawOnlyFromTheCallersGenerator() {
    var c = PPOConfiguration()
    c.totalSteps = 512
    c.hidden = [4]
    var g1 = SeededGenerator(seed: 11)
    var g2 = SeededGenerator(seed: 11)
    let a = trainPPO(configuration: c, using: &g1) { CartPole() }
    let b = trainPPO(configuration: c, using: &g2) { CartPole() }
    #expect(a.policy.network.parameters == b.policy.network.parameters)
    #expect(g1.next() == g2.next())
    // One update of PPO logs one entry; the simpler trainers log none.
    #expect(a.updates.count == 1)
    var r = REINFORCEConfiguration()
    r.episodes = 3
    var g3 = SeededGenerator(seed: 11)
    #expect(trainREINFORCE(configuration: r, using: &g3) { CartPole() }.updates.isEmpty)
  }

  @Test func languageModelTrainersReturnOneEntryPerStep() {
    var rng = SeededGenerator(seed: 5)
    let config = TinyLMConfig(
      contextLength: 8, modelWidth: 4, headCount: 2, layerCount: 1, mlpWidth: 6)
    var model = TinyLM(config: config, using: &rng)
    let data = [TrainingSequence(tokens: AdditionProblem(1, 2).solution, responseStart: 4)]
    var sft = SFTConfiguration()
    sft.steps = 3
    sft.batchSize = 2
    #expect(supervisedFineTune(&model, on: data, configuration: sft, using: &rng).count == 3)
  }
}
