/// A stochastic policy π(a | s) = softmax(f_θ(s)) whose logits come from an ``MLP``.
public struct CategoricalPolicy: Sendable {
  /// The network from observations to logits.
  public var network: MLP

  /// Creates a policy with the given hidden widths. The last layer starts small
  /// (`outputGain` 0.01) so the initial policy is close to uniform.
  public init(
    observationSize: Int, actionCount: Int, hidden: [Int] = [64, 64],
    activation: Activation = .tanh, outputGain: Double = 0.01,
    using generator: inout SeededGenerator
  ) {
    network = MLP(
      sizes: [observationSize] + hidden + [actionCount], activation: activation,
      outputGain: outputGain, using: &generator)
  }

  /// The number of actions.
  @inlinable
  public var actionCount: Int { network.outputSize }

  /// π(· | `observation`).
  @inlinable
  public func distribution(_ observation: [Double]) -> Categorical {
    Categorical(logits: network(observation))
  }

  /// The distributions for `batch` observations stored row after row, with the tape needed
  /// to back-propagate a loss on their logits.
  @inlinable
  public func distributions(_ observations: [Double], batch: Int) -> (
    distributions: [Categorical], tape: MLP.Tape
  ) {
    let tape = network.forward(observations, batch: batch)
    let k = actionCount
    let out = tape.output
    let ds = (0..<batch).map { Categorical(logits: Array(out[($0 * k)..<($0 * k + k)])) }
    return (ds, tape)
  }
}
