import Foundation

/// One pair's reference log-probabilities, computed once before DPO training starts.
public struct ReferenceLogProbabilities: Sendable {
  /// log π_ref(chosen | prompt).
  public var chosen: Double
  /// log π_ref(rejected | prompt).
  public var rejected: Double
}

/// Summary numbers of DPO on a set of pairs: one step's minibatch, or any evaluation set.
public struct DPOStepStatistics: Sendable {
  /// The mean implicit-reward margin β·[(log π/π_ref)(chosen) − (log π/π_ref)(rejected)].
  public var meanMargin: Double
  /// The fraction of pairs with a positive margin.
  public var accuracy: Double
  /// The mean implicit reward β·log(π/π_ref) of the chosen responses.
  public var meanChosenReward: Double
  /// The mean implicit reward of the rejected responses.
  public var meanRejectedReward: Double
}

/// The DPO loss (Rafailov et al., "Direct Preference Optimization: Your Language Model is
/// Secretly a Reward Model", 2023) and its gradient.
///
/// With the implicit reward r̂(y) = β·[log π(y|x) − log π_ref(y|x)] and z = r̂(chosen) −
/// r̂(rejected), loss = (1/N) Σ −log σ(z). Its gradient raises every token log-probability
/// of the chosen response, and lowers the rejected one's, by β·(1 − σ(z))/N: most for the
/// pairs the model still ranks wrongly.
///
/// - Complexity: one forward and one backward pass over every chosen and rejected sequence,
///   packed.
public func dpoLoss(
  policy: TinyLM, pairs: [PreferencePair], reference: [ReferenceLogProbabilities], beta: Double,
  workspace ws: TinyLMWorkspace
) -> (loss: Double, gradient: [Double], statistics: DPOStepStatistics) {
  precondition(pairs.count == reference.count, "one reference entry per pair")
  var gradient = [Double](repeating: 0, count: policy.parameterCount)
  let sequences = pairs.flatMap { [$0.chosenSequence.tokens, $0.rejectedSequence.tokens] }
  let starts = policy.forward(batch: sequences, workspace: ws)
  var coefficients = [Double](repeating: 0, count: starts.last!)
  var loss = 0.0
  var stats = DPOStepStatistics(
    meanMargin: 0, accuracy: 0, meanChosenReward: 0, meanRejectedReward: 0)
  let n = Double(pairs.count)
  /// log π(response | prompt) of the k-th packed sequence.
  func responseLogProbability(_ k: Int, _ sequence: TrainingSequence) -> Double {
    let lp = ws.tokenLogProbabilities(rows: starts[k]..<starts[k + 1])
    return lp[sequence.responseStart...].reduce(0, +)
  }
  // region dpo-pair
  for (k, (pair, ref)) in zip(pairs, reference).enumerated() {
    let chosen = pair.chosenSequence
    let rejected = pair.rejectedSequence
    let rc = beta * (responseLogProbability(2 * k, chosen) - ref.chosen)
    let rr = beta * (responseLogProbability(2 * k + 1, rejected) - ref.rejected)
    let z = rc - rr
    loss -= logSigmoid(z) / n
    stats.meanMargin += z / n
    stats.meanChosenReward += rc / n
    stats.meanRejectedReward += rr / n
    if z > 0 { stats.accuracy += 1 / n }
    let pull = beta * (1 - sigmoid(z)) / n
    for (j, (sequence, sign)) in [(chosen, -1.0), (rejected, 1.0)].enumerated() {
      let row = starts[2 * k + j]
      for t in sequence.responseStart..<sequence.tokens.count {
        coefficients[row + t] = sign * pull
      }
    }
  }
  // endregion
  policy.backwardRows(
    logProbGradient: coefficients, scalarGradient: nil, into: &gradient, workspace: ws)
  return (loss, gradient, stats)
}

extension TinyLM {
  /// The reference log-probabilities of every pair's chosen and rejected responses.
  public func referenceLogProbabilities(
    for pairs: [PreferencePair], workspace ws: TinyLMWorkspace
  ) -> [ReferenceLogProbabilities] {
    pairs.map { pair in
      ReferenceLogProbabilities(
        chosen: sequenceLogProbability(
          of: pair.chosenSequence.tokens, responseStart: pair.prompt.count, workspace: ws),
        rejected: sequenceLogProbability(
          of: pair.rejectedSequence.tokens, responseStart: pair.prompt.count, workspace: ws))
    }
  }
}

/// Settings for ``trainDPO(_:reference:on:configuration:using:)`` (names follow TRL's
/// `DPOConfig` where one exists).
public struct DPOConfiguration: Sendable {
  /// β, the scale of the implicit reward β·log(π/π_ref) (TRL `beta`; default 0.1).
  public var beta = 0.1
  /// Adam steps (default 50).
  public var steps = 50
  /// Pairs per step, drawn with replacement (default 32).
  public var batchSize = 32
  /// Adam's step size (default 10⁻³).
  public var learningRate = 1e-3
  /// The gradient-norm clip (default 1).
  public var maxGradientNorm = 1.0

  /// The defaults.
  public init() {}
}

/// Trains `policy` with DPO against the frozen `reference`: Adam steps on minibatches of
/// pairs, minimising ``dpoLoss(policy:pairs:reference:beta:workspace:)``. Returns every
/// step's minibatch statistics.
public func trainDPO(
  _ policy: inout TinyLM, reference: TinyLM, on pairs: [PreferencePair],
  configuration c: DPOConfiguration = DPOConfiguration(), using generator: inout SeededGenerator
) -> [DPOStepStatistics] {
  let ws = TinyLMWorkspace(config: policy.config)
  let refs = reference.referenceLogProbabilities(for: pairs, workspace: ws)
  var optimizer = Adam(count: policy.parameterCount, learningRate: c.learningRate)
  var history = [DPOStepStatistics]()
  for _ in 0..<c.steps {
    let idx = (0..<c.batchSize).map { _ in generator.int(below: pairs.count) }
    var (_, gradient, stats) = dpoLoss(
      policy: policy, pairs: idx.map { pairs[$0] }, reference: idx.map { refs[$0] },
      beta: c.beta, workspace: ws)
    clipGradientNorm(&gradient, maxNorm: c.maxGradientNorm)
    optimizer.step(&policy.parameters, gradient: gradient)
    history.append(stats)
  }
  return history
}
