/// A Gaussian policy for continuous actions: the mean comes from an ``MLP``, and log σ is a
/// separate, state-independent parameter vector (as in TRPO's and PPO's MuJoCo experiments).
public struct GaussianPolicy: Sendable {
  /// The network from observations to the mean action.
  public var network: MLP
  /// log σ for each action coordinate.
  public var logStandardDeviation: [Double]

  /// Creates a policy with the given hidden widths and initial log σ.
  public init(
    observationSize: Int, actionSize: Int, hidden: [Int] = [64, 64],
    initialLogStandardDeviation: Double = 0, using generator: inout SeededGenerator
  ) {
    network = MLP(
      sizes: [observationSize] + hidden + [actionSize], activation: .tanh, outputGain: 0.01,
      using: &generator)
    logStandardDeviation = [Double](repeating: initialLogStandardDeviation, count: actionSize)
  }

  /// π(· | `observation`).
  @inlinable
  public func distribution(_ observation: [Double]) -> DiagonalGaussian {
    DiagonalGaussian(mean: network(observation), logStandardDeviation: logStandardDeviation)
  }

  /// The gradient of log π(`action` | `observation`) in the network's parameters and in
  /// log σ, by the chain rule through the mean.
  public func logProbabilityGradient(of action: [Double], at observation: [Double]) -> (
    network: [Double], logStandardDeviation: [Double]
  ) {
    let tape = network.forward(observation, batch: 1)
    let d = DiagonalGaussian(mean: tape.output, logStandardDeviation: logStandardDeviation)
    let g = d.logProbabilityGradient(of: action)
    var gNetwork = [Double](repeating: 0, count: network.parameterCount)
    network.backward(tape, outputGradient: g.mean, into: &gNetwork)
    return (gNetwork, g.logStandardDeviation)
  }
}
