import Testing

@testable import RL

@Suite struct AdditionTaskTests {
  @Test func rewardIsExactMatchIncludingEndOfSequence() {
    let problem = AdditionProblem(7, 5)
    #expect(problem.answer == [1, 2, Vocabulary.endOfSequence])
    #expect(problem.reward(for: problem.solution) == 1)
    #expect(problem.reward(for: problem.prompt + [1, 2]) == 0)  // no end-of-sequence
    #expect(problem.reward(for: problem.prompt + [1, 3, Vocabulary.endOfSequence]) == 0)
    #expect(Vocabulary.render(problem.solution) == "7+5=12⏎")
  }

  @Test func splitIsAPartitionOfTheHundredProblems() {
    var rng = SeededGenerator(seed: 1)
    let (train, heldOut) = AdditionTask.split(heldOutCount: 30, using: &rng)
    #expect(train.count == 70 && heldOut.count == 30)
    #expect(Set(train).union(heldOut).count == 100)
  }

  @Test func annotatorPrefersTheCorrectAnswerWhenLengthsAgree() {
    var rng = SeededGenerator(seed: 2)
    let pairs = AdditionTask.preferencePairs(
      from: AdditionTask.allProblems, count: 500, lengthBias: 1, using: &rng)
    for pair in pairs {
      let right =
        Vocabulary.digits(of: pair.prompt[0] + pair.prompt[2]) + [Vocabulary.endOfSequence]
      if pair.chosen.count == pair.rejected.count {
        #expect(pair.chosen == right)
      } else {
        #expect(pair.chosen.count > pair.rejected.count)
      }  // bias 1: always the longer
    }
  }

  @Test func groupsThatAllAgreeLeaveThePolicyUnchanged() {
    // Equal rewards give zero advantages; at the start the policy is the reference, so the
    // k3 gradient β(1 − r) is zero too, and Adam's first step moves nothing.
    var rng = SeededGenerator(seed: 3)
    let config = TinyLMConfig(
      contextLength: 8, modelWidth: 4, headCount: 2, layerCount: 1, mlpWidth: 6)
    let model = TinyLM(config: config, using: &rng)
    var configuration = GRPOConfiguration()
    configuration.groupSize = 4
    var trainer = GRPOTrainer(policy: model, configuration: configuration)
    let stats = trainer.step(
      prompts: [AdditionProblem(1, 2).prompt], reward: { _, _ in 1 }, using: &rng)
    #expect(stats.degenerateGroupFraction == 1)
    #expect(stats.meanKL == 0)
    #expect(trainer.policy.parameters == model.parameters)
  }

  @Test func sequenceKLOfAModelToItselfIsZero() {
    var rng = SeededGenerator(seed: 4)
    let config = TinyLMConfig(
      contextLength: 8, modelWidth: 4, headCount: 2, layerCount: 1, mlpWidth: 6)
    let model = TinyLM(config: config, using: &rng)
    let kl = model.sequenceKL(
      to: model, prompts: [AdditionProblem(3, 4).prompt], samplesPerPrompt: 10, maxNewTokens: 3,
      using: &rng)
    #expect(kl.mean == 0 && kl.standardError == 0)
  }
}
