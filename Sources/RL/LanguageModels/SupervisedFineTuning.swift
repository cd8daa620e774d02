/// The masked cross-entropy of SFT: the mean of −log π(token) over the response tokens of
/// every sequence in `batch` (prompt tokens are masked out), with its gradient.
///
/// loss = −(1/N) Σ_seq Σ_{t ≥ responseStart} log π(tokenₜ | tokens before t), where N is the
/// number of response tokens in the batch.
///
/// - Complexity: one forward and one backward pass over the whole batch, packed.
public func maskedCrossEntropy(
  model: TinyLM, batch: [TrainingSequence], workspace ws: TinyLMWorkspace
) -> (loss: Double, gradient: [Double]) {
  let tokenCount = batch.reduce(0) { $0 + $1.tokens.count - $1.responseStart }
  precondition(tokenCount > 0, "no response tokens")
  var gradient = [Double](repeating: 0, count: model.parameterCount)
  let starts = model.forward(batch: batch.map(\.tokens), workspace: ws)
  var coefficients = [Double](repeating: 0, count: starts.last!)
  var loss = 0.0
  let weight = 1 / Double(tokenCount)
  for (k, sequence) in batch.enumerated() {
    let row = starts[k]
    for t in sequence.responseStart..<sequence.tokens.count {
      loss -= weight * ws.logProbability(of: sequence.tokens[t], at: row + t - 1)
      coefficients[row + t] = -weight
    }
  }
  model.backwardRows(
    logProbGradient: coefficients, scalarGradient: nil, into: &gradient, workspace: ws)
  return (loss, gradient)
}

/// Settings for ``supervisedFineTune(_:on:configuration:using:)``. The defaults train the
/// book's SFT base model.
public struct SFTConfiguration: Sendable {
  /// Adam steps (default 1,500).
  public var steps = 1500
  /// Sequences per step, drawn with replacement (default 32).
  public var batchSize = 32
  /// Adam's step size (default 3·10⁻³).
  public var learningRate = 3e-3
  /// The gradient-norm clip (default 1).
  public var maxGradientNorm = 1.0

  /// The defaults.
  public init() {}
}

/// What one SFT step saw.
public struct SFTStepStatistics: Sendable {
  /// The masked cross-entropy of the step's minibatch, before the step.
  public var loss: Double
}

/// Supervised fine-tuning: Adam steps on minibatches of sequences drawn from `data`,
/// minimising ``maskedCrossEntropy(model:batch:workspace:)``. Returns every step's statistics.
public func supervisedFineTune(
  _ model: inout TinyLM, on data: [TrainingSequence],
  configuration c: SFTConfiguration = SFTConfiguration(), using generator: inout SeededGenerator
) -> [SFTStepStatistics] {
  var optimizer = Adam(count: model.parameterCount, learningRate: c.learningRate)
  let ws = TinyLMWorkspace(config: model.config)
  var history = [SFTStepStatistics]()
  for _ in 0..<c.steps {
    let batch = (0..<c.batchSize).map { _ in data[generator.int(below: data.count)] }
    var (loss, gradient) = maskedCrossEntropy(model: model, batch: batch, workspace: ws)
    clipGradientNorm(&gradient, maxNorm: c.maxGradientNorm)
    optimizer.step(&model.parameters, gradient: gradient)
    history.append(SFTStepStatistics(loss: loss))
  }
  return history
}
