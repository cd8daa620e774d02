import Foundation

/// The next-token distribution used for sampling: softmax(logits / T), restricted to the
/// `topK` largest logits when `topK` is given (ties at the cut-off are all kept).
///
/// - Complexity: O(V log V) with top-k, O(V) without.
public func samplingDistribution(logits: [Double], temperature: Double = 1, topK: Int? = nil)
  -> [Double]
{
  precondition(temperature > 0, "temperature must be positive")
  var cutoff = -Double.infinity
  if let k = topK, k < logits.count {
    precondition(k > 0, "top-k needs k ≥ 1")
    cutoff = logits.sorted(by: >)[k - 1]
  }
  let kept = logits.map { $0 >= cutoff ? $0 / temperature : -Double.infinity }
  let largest = kept.max()!
  var p = kept.map { Foundation.exp($0 - largest) }
  let total = p.reduce(0, +)
  for i in p.indices { p[i] /= total }
  return p
}

/// A sampled sequence (prompt and response) and the per-token log-probabilities of the model
/// that sampled it: entry `t` is log π(tokenₜ | tokens before t), entry 0 is 0.
public struct SampledSequence: Sendable, Equatable {
  /// The prompt followed by the response.
  public let tokens: [Int]
  /// log π(tokenₜ | tokens before t) for each t ≥ 1; entry 0 is 0.
  public let logProbabilities: [Double]
}

extension TinyLM {
  /// Samples a continuation of `prompt`, one token at a time, until end-of-sequence, until
  /// `maxNewTokens` tokens or until the context is full. Returns the whole sequence (prompt
  /// and response); the workspace then holds its forward pass (with the last token fed).
  ///
  /// Each step draws from softmax(logits / `temperature`), restricted to the `topK` most
  /// likely tokens when given. `temperature` near 0 approaches greedy decoding; use
  /// ``greedy(prompt:maxNewTokens:workspace:)`` for exactly greedy.
  ///
  /// - Complexity: one forward pass over the prompt, then one position per new token, thanks
  ///   to the cached keys and values.
  public func generate(
    prompt: [Int], maxNewTokens: Int, temperature: Double = 1, topK: Int? = nil,
    using generator: inout SeededGenerator, workspace ws: TinyLMWorkspace
  ) -> [Int] {
    precondition(!prompt.isEmpty && prompt.count < config.contextLength, "prompt length")
    forward(tokens: prompt, count: prompt.count, workspace: ws)
    return continuation(
      of: prompt, maxNewTokens: maxNewTokens, temperature: temperature, topK: topK,
      using: &generator, workspace: ws)
  }

  /// Samples `count` continuations of one prompt (a GRPO group), exactly as `count` calls of
  /// ``generate(prompt:maxNewTokens:temperature:topK:using:workspace:)`` would, in order and
  /// with the same draws, but the prompt runs through the model once: every sample starts from
  /// its cached keys and values. Each sample comes with its tokens' log-probabilities under
  /// this model (at temperature 1, as ``tokenLogProbabilities(of:workspace:)`` gives them),
  /// read from the forward pass that sampling already made.
  public func generate(
    prompt: [Int], samples count: Int, maxNewTokens: Int, temperature: Double = 1,
    topK: Int? = nil, using generator: inout SeededGenerator, workspace ws: TinyLMWorkspace
  ) -> [SampledSequence] {
    precondition(!prompt.isEmpty && prompt.count < config.contextLength, "prompt length")
    forward(tokens: prompt, count: prompt.count, workspace: ws)
    return (0..<count).map { _ in
      ws.length = prompt.count
      let tokens = continuation(
        of: prompt, maxNewTokens: maxNewTokens, temperature: temperature, topK: topK,
        using: &generator, workspace: ws)
      return SampledSequence(tokens: tokens, logProbabilities: ws.tokenLogProbabilities())
    }
  }

  /// Extends `prompt`, whose forward pass fills the first `prompt.count` positions of `ws`,
  /// by sampling.
  private func continuation(
    of prompt: [Int], maxNewTokens: Int, temperature: Double, topK: Int?,
    using generator: inout SeededGenerator, workspace ws: TinyLMWorkspace
  ) -> [Int] {
    var sequence = prompt
    sequence.reserveCapacity(min(config.contextLength, prompt.count + maxNewTokens))
    let vocabulary = config.vocabularySize
    while sequence.count - prompt.count < maxNewTokens && sequence.count < config.contextLength {
      let t = sequence.count - 1
      let z = ws.buffers.logits + t * vocabulary
      let next = Self.sample(
        z, vocabulary, temperature: temperature, topK: topK, scratch: ws.buffers.dLogits,
        using: &generator)
      sequence.append(next)
      forward(token: next, position: t + 1, workspace: ws)
      if next == Vocabulary.endOfSequence { break }
    }
    return sequence
  }

  /// Greedy decoding: always the most likely next token (the lowest id on ties).
  public func greedy(prompt: [Int], maxNewTokens: Int, workspace ws: TinyLMWorkspace) -> [Int] {
    var sequence = prompt
    forward(tokens: prompt, count: prompt.count, workspace: ws)
    while sequence.count - prompt.count < maxNewTokens && sequence.count < config.contextLength {
      let z = ws.buffers.logits + (sequence.count - 1) * config.vocabularySize
      var best = 0
      for v in 1..<config.vocabularySize where z[v] > z[best] { best = v }
      sequence.append(best)
      forward(token: best, position: sequence.count - 1, workspace: ws)
      if best == Vocabulary.endOfSequence { break }
    }
    return sequence
  }

  /// Draws one token from logits `z` without allocating (`scratch` holds V numbers).
  static func sample(
    _ z: UnsafePointer<Double>, _ vocabulary: Int, temperature: Double, topK: Int?,
    scratch: UnsafeMutablePointer<Double>, using generator: inout SeededGenerator
  ) -> Int {
    var cutoff = -Double.infinity
    if let k = topK, k < vocabulary {
      // The k-th largest logit, by k passes of selection (V is tiny).
      scratch.update(from: z, count: vocabulary)
      for _ in 0..<k {
        var best = 0
        for v in 1..<vocabulary where scratch[v] > scratch[best] { best = v }
        cutoff = scratch[best]
        scratch[best] = -Double.infinity
      }
    }
    var largest = -Double.infinity
    for v in 0..<vocabulary where z[v] >= cutoff { largest = max(largest, z[v]) }
    var total = 0.0
    for v in 0..<vocabulary {
      let w = z[v] >= cutoff ? Foundation.exp((z[v] - largest) / temperature) : 0
      scratch[v] = w
      total += w
    }
    let u = generator.uniform() * total
    var cumulative = 0.0
    var last = 0
    for v in 0..<vocabulary where scratch[v] > 0 {
      cumulative += scratch[v]
      last = v
      if u < cumulative { return v }
    }
    return last
  }

  /// Teacher-forced per-token log-probabilities of `tokens`: entry `t` is
  /// log π(tokenₜ | tokens before t), gathered from the log-softmax at position t − 1 (the
  /// `get_log_probs` / `gather` step of RLHF libraries). Entry 0 is 0.
  ///
  /// - Complexity: one forward pass.
  public func tokenLogProbabilities(of tokens: [Int], workspace ws: TinyLMWorkspace) -> [Double] {
    forward(tokens: tokens, count: tokens.count, workspace: ws)
    return ws.tokenLogProbabilities()
  }

  /// log π(response | prompt): the sum of the response tokens' log-probabilities, where the
  /// response starts at index `responseStart` of `tokens`.
  public func sequenceLogProbability(
    of tokens: [Int], responseStart: Int, workspace ws: TinyLMWorkspace
  ) -> Double {
    let lp = tokenLogProbabilities(of: tokens, workspace: ws)
    return lp[responseStart...].reduce(0, +)
  }
}
