/// Two responses to the same prompt, one preferred by an annotator.
public struct PreferencePair: Sendable, Hashable {
  /// The prompt tokens.
  public var prompt: [Int]
  /// The preferred response (without the prompt).
  public var chosen: [Int]
  /// The other response.
  public var rejected: [Int]

  /// Creates a pair.
  public init(prompt: [Int], chosen: [Int], rejected: [Int]) {
    self.prompt = prompt
    self.chosen = chosen
    self.rejected = rejected
  }

  /// The prompt followed by the chosen response.
  public var chosenSequence: TrainingSequence {
    TrainingSequence(tokens: prompt + chosen, responseStart: prompt.count)
  }
  /// The prompt followed by the rejected response.
  public var rejectedSequence: TrainingSequence {
    TrainingSequence(tokens: prompt + rejected, responseStart: prompt.count)
  }
}

extension AdditionTask {
  /// Preference pairs from an imperfect annotator, for training reward models and DPO.
  ///
  /// Each pair sets the correct answer of a problem against a wrong one: a near miss (±1 or
  /// ±2) with probability `nearMissFraction`, otherwise any other sum in 0…18, uniformly.
  /// The annotator prefers the correct answer, except that when the
  /// two answers differ in length it prefers the longer one with probability `lengthBias`
  /// (a stand-in for the well-documented preference of human raters for longer answers).
  /// With `lengthBias` above ½, a wrong two-digit answer to a problem whose sum is below
  /// ten is preferred to the correct one-digit answer more often than not: a flaw that a
  /// reward model trained on these labels inherits.
  public static func preferencePairs(
    from problems: [AdditionProblem], count: Int, lengthBias: Double,
    nearMissFraction: Double = 0.5, using generator: inout SeededGenerator
  ) -> [PreferencePair] {
    (0..<count).map { _ in
      let problem = problems[generator.int(below: problems.count)]
      let sum = problem.a + problem.b
      var wrong = generator.int(below: 18)
      if wrong >= sum { wrong += 1 }
      if generator.bernoulli(nearMissFraction) {
        wrong = nearMiss(for: problem, using: &generator)
      }
      let right = problem.answer
      let other = Vocabulary.digits(of: wrong) + [Vocabulary.endOfSequence]
      var preferRight = true
      if other.count != right.count, generator.bernoulli(lengthBias) {
        preferRight = right.count > other.count
      }
      return PreferencePair(
        prompt: problem.prompt, chosen: preferRight ? right : other,
        rejected: preferRight ? other : right)
    }
  }
}
