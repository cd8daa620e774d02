extension TinyLM {
  /// A Monte Carlo estimate of the sequence-level KL(π ‖ π_ref) = E_{y∼π}[log π(y|x) −
  /// log π_ref(y|x)], averaged over `prompts`, with `samplesPerPrompt` responses each
  /// (the k1 estimator summed over a response's tokens). Returns the mean and its standard
  /// error.
  ///
  /// - Complexity: `prompts.count × samplesPerPrompt` samples, each with two forward passes.
  public func sequenceKL(
    to reference: TinyLM, prompts: [[Int]], samplesPerPrompt: Int, maxNewTokens: Int,
    using generator: inout SeededGenerator
  ) -> (mean: Double, standardError: Double) {
    let ws = TinyLMWorkspace(config: config)
    var values = [Double]()
    for prompt in prompts {
      for _ in 0..<samplesPerPrompt {
        let y = generate(
          prompt: prompt, maxNewTokens: maxNewTokens, using: &generator, workspace: ws)
        let mine = ws.tokenLogProbabilities()  // sampling left the forward pass in `ws`
        let theirs = reference.tokenLogProbabilities(of: y, workspace: ws)
        var total = 0.0
        for t in prompt.count..<y.count { total += mine[t] - theirs[t] }
        values.append(total)
      }
    }
    return (mean(values), standardError(values))
  }
}
