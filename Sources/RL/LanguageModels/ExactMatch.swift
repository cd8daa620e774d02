/// Exact-match scores of a model on addition problems.
public struct ExactMatch: Sendable {
  /// The mean probability that one sample at temperature 1 is exactly right (pass@1,
  /// computed exactly as exp of the answer's log-probability, with no sampling noise).
  public var passAtOne: Double
  /// The fraction of problems that greedy decoding answers exactly right.
  public var greedy: Double
}

extension TinyLM {
  /// Exact-match scores on `problems`: exact pass@1 and greedy accuracy.
  public func exactMatch(on problems: [AdditionProblem], workspace ws: TinyLMWorkspace)
    -> ExactMatch
  {
    var pass = 0.0
    var greedyRight = 0.0
    for problem in problems {
      let lp = sequenceLogProbability(
        of: problem.solution, responseStart: problem.prompt.count, workspace: ws)
      pass += lp.exp
      let out = greedy(
        prompt: problem.prompt, maxNewTokens: AdditionTask.maxResponseTokens, workspace: ws)
      greedyRight += problem.reward(for: out)
    }
    let n = Double(problems.count)
    return ExactMatch(passAtOne: pass / n, greedy: greedyRight / n)
  }
}
