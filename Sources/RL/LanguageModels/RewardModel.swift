import Foundation

/// The Bradley–Terry loss of a reward model on preference pairs, with its gradient.
///
/// The model's score of a response is its scalar head at the last token. Under the
/// Bradley–Terry model P(chosen ≻ rejected) = σ(r_c − r_r), so the negative log-likelihood
/// is loss = (1/N) Σ −log σ(r_c − r_r), with ∂loss/∂r_c = −(1 − σ(r_c − r_r))/N and
/// ∂loss/∂r_r = +(1 − σ(r_c − r_r))/N.
///
/// - Returns: the loss, its gradient, and the fraction of pairs with r_c > r_r.
/// - Complexity: one forward and one backward pass over every chosen and rejected sequence,
///   packed.
public func bradleyTerryLoss(
  rewardModel: TinyLM, pairs: [PreferencePair], workspace ws: TinyLMWorkspace
) -> (loss: Double, gradient: [Double], accuracy: Double) {
  var gradient = [Double](repeating: 0, count: rewardModel.parameterCount)
  let sequences = pairs.flatMap { [$0.chosenSequence.tokens, $0.rejectedSequence.tokens] }
  let starts = rewardModel.forward(batch: sequences, workspace: ws)
  let zeros = [Double](repeating: 0, count: starts.last!)
  var scalarGradient = zeros
  var loss = 0.0
  var correct = 0.0
  let n = Double(pairs.count)
  for k in pairs.indices {
    let chosenLast = starts[2 * k + 1] - 1
    let rejectedLast = starts[2 * k + 2] - 1
    let margin = ws.scalarOutput(at: chosenLast) - ws.scalarOutput(at: rejectedLast)
    loss -= logSigmoid(margin) / n
    if margin > 0 { correct += 1 }
    let pull = (1 - sigmoid(margin)) / n
    scalarGradient[chosenLast] = -pull
    scalarGradient[rejectedLast] = pull
  }
  rewardModel.backwardRows(
    logProbGradient: zeros, scalarGradient: scalarGradient, into: &gradient, workspace: ws)
  return (loss, gradient, correct / n)
}

extension TinyLM {
  /// The reward-model score of a whole sequence: the scalar head at its last token.
  public func score(_ tokens: [Int], workspace ws: TinyLMWorkspace) -> Double {
    forward(tokens: tokens, count: tokens.count, workspace: ws)
    return ws.scalarOutput(at: tokens.count - 1)
  }

  /// The fraction of `pairs` whose chosen response this reward model scores higher.
  public func preferenceAccuracy(on pairs: [PreferencePair], workspace ws: TinyLMWorkspace)
    -> Double
  {
    var correct = 0.0
    for pair in pairs
    where score(pair.chosenSequence.tokens, workspace: ws)
      > score(pair.rejectedSequence.tokens, workspace: ws)
    {
      correct += 1
    }
    return correct / Double(pairs.count)
  }
}

/// Settings for ``trainRewardModel(_:on:configuration:using:)``. The defaults train the
/// book's reward model.
public struct RewardModelConfiguration: Sendable {
  /// Adam steps (default 2,000).
  public var steps = 2000
  /// Pairs per step, drawn with replacement (default 32).
  public var batchSize = 32
  /// Adam's step size (default 2·10⁻³).
  public var learningRate = 2e-3
  /// The gradient-norm clip (default 1).
  public var maxGradientNorm = 1.0

  /// The defaults.
  public init() {}
}

/// What one reward-model step saw, on its minibatch before the step.
public struct RewardModelStepStatistics: Sendable {
  /// The Bradley–Terry loss.
  public var loss: Double
  /// The fraction of pairs whose chosen response scored higher.
  public var accuracy: Double
}

/// Trains a reward model by minimising ``bradleyTerryLoss(rewardModel:pairs:workspace:)``
/// with Adam on minibatches of pairs. Returns every step's statistics.
public func trainRewardModel(
  _ model: inout TinyLM, on pairs: [PreferencePair],
  configuration c: RewardModelConfiguration = RewardModelConfiguration(),
  using generator: inout SeededGenerator
) -> [RewardModelStepStatistics] {
  var optimizer = Adam(count: model.parameterCount, learningRate: c.learningRate)
  let ws = TinyLMWorkspace(config: model.config)
  var history = [RewardModelStepStatistics]()
  for _ in 0..<c.steps {
    let batch = (0..<c.batchSize).map { _ in pairs[generator.int(below: pairs.count)] }
    var (loss, gradient, accuracy) = bradleyTerryLoss(
      rewardModel: model, pairs: batch, workspace: ws)
    clipGradientNorm(&gradient, maxNorm: c.maxGradientNorm)
    optimizer.step(&model.parameters, gradient: gradient)
    history.append(RewardModelStepStatistics(loss: loss, accuracy: accuracy))
  }
  return history
}

extension TinyLM {
  /// Rescales the scalar head so that the scores of `sequences` have mean 0 and standard
  /// deviation 1 (reward normalisation, as in OpenRLHF's `--normalize_reward`). Bradley–Terry
  /// fixes a reward only up to a shift and its scale drifts with training; normalising makes
  /// the KL coefficient β mean the same thing for every reward model.
  public mutating func normalizeScores(on sequences: [[Int]]) {
    let ws = TinyLMWorkspace(config: config)
    let scores = sequences.map { score($0, workspace: ws) }
    let m = mean(scores)
    let s = standardDeviation(scores) + 1e-8
    for i in 0..<config.modelWidth { parameters[layout.scalarHead + i] /= s }
    parameters[layout.scalarHeadBias] = (parameters[layout.scalarHeadBias] - m) / s
  }
}
