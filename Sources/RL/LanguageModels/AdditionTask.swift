/// One problem of the book's verifiable task: the prompt `a+b=` with single digits a and b,
/// whose correct response is the digits of a + b followed by end-of-sequence.
public struct AdditionProblem: Sendable, Hashable {
  /// The first addend, 0–9.
  public var a: Int
  /// The second addend, 0–9.
  public var b: Int

  /// Creates the problem `a+b=`.
  public init(_ a: Int, _ b: Int) {
    precondition((0...9).contains(a) && (0...9).contains(b), "single digits only")
    self.a = a
    self.b = b
  }

  /// The prompt tokens `a + b =`.
  public var prompt: [Int] { [a, Vocabulary.plus, b, Vocabulary.equals] }
  /// The correct response: the digits of the sum, then end-of-sequence.
  public var answer: [Int] { Vocabulary.digits(of: a + b) + [Vocabulary.endOfSequence] }
  /// The prompt followed by the correct response.
  public var solution: [Int] { prompt + answer }

  /// The verifiable reward: 1 if the response after the prompt is exactly the answer
  /// (digits and end-of-sequence), otherwise 0.
  public func reward(for sequence: [Int]) -> Double {
    sequence.count == prompt.count + answer.count && Array(sequence[prompt.count...]) == answer
      ? 1 : 0
  }
}

/// A token sequence with the index where the response (the part trained on) begins.
public struct TrainingSequence: Sendable, Hashable {
  /// Prompt and response tokens.
  public var tokens: [Int]
  /// The index of the first response token.
  public var responseStart: Int

  /// Creates a sequence whose response starts at `responseStart`, after a prompt of at least
  /// one token (the first response token is predicted from the tokens before it).
  public init(tokens: [Int], responseStart: Int) {
    precondition(
      responseStart >= 1 && responseStart <= tokens.count, "the response follows a prompt")
    self.tokens = tokens
    self.responseStart = responseStart
  }
}

/// The single-digit addition task: its problems, a train/held-out split, a model shape that
/// fits it, and noisy demonstrations for the SFT base model.
public enum AdditionTask {
  /// The longest response: two digits and end-of-sequence.
  public static let maxResponseTokens = 3

  /// A model shape for the task: prompt (4) plus response (3) fits a context of 8.
  public static let modelConfig = TinyLMConfig(
    contextLength: 8, modelWidth: 32, headCount: 2, layerCount: 1, mlpWidth: 64)

  /// All 100 problems `a+b=` with a, b in 0…9.
  public static let allProblems: [AdditionProblem] = (0...9).flatMap { a in
    (0...9).map { b in AdditionProblem(a, b) }
  }

  /// A seeded split of the 100 problems into `heldOutCount` held-out problems and the rest.
  public static func split(heldOutCount: Int, using generator: inout SeededGenerator)
    -> (train: [AdditionProblem], heldOut: [AdditionProblem])
  {
    let order = generator.permutation(allProblems.count)
    let heldOut = order.prefix(heldOutCount).map { allProblems[$0] }
    let train = order.dropFirst(heldOutCount).map { allProblems[$0] }
    return (train, heldOut)
  }

  /// A wrong but plausible sum: the true sum shifted by ±1 or ±2 (kept within 0…18).
  public static func nearMiss(for problem: AdditionProblem, using generator: inout SeededGenerator)
    -> Int
  {
    let sum = problem.a + problem.b
    while true {
      let shift = [-2, -1, 1, 2][generator.int(below: 4)]
      if (0...18).contains(sum + shift) { return sum + shift }
    }
  }

  /// `count` demonstrations drawn uniformly from `problems`, where each answer is replaced
  /// by a near miss with probability `noise`. Training on them gives a base model that
  /// knows roughly where the answer lies but puts only about 1 − `noise` of its probability
  /// on the right one.
  public static func noisyDemonstrations(
    from problems: [AdditionProblem], count: Int, noise: Double,
    using generator: inout SeededGenerator
  ) -> [TrainingSequence] {
    (0..<count).map { _ in
      let problem = problems[generator.int(below: problems.count)]
      var answer = problem.a + problem.b
      if generator.bernoulli(noise) { answer = nearMiss(for: problem, using: &generator) }
      return TrainingSequence(
        tokens: problem.prompt + Vocabulary.digits(of: answer) + [Vocabulary.endOfSequence],
        responseStart: problem.prompt.count)
    }
  }
}
