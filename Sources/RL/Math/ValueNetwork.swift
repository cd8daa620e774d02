/// A state-value function V(s) as an ``MLP`` with one output, trained by regression.
public struct ValueNetwork: Sendable {
  /// The underlying network (its last layer has one unit).
  public var network: MLP

  /// Creates V with the given hidden widths (tanh), from `inputSize` features to one value.
  public init(
    inputSize: Int, hidden: [Int] = [64, 64], activation: Activation = .tanh,
    using generator: inout SeededGenerator
  ) {
    network = MLP(
      sizes: [inputSize] + hidden + [1], activation: activation, outputGain: 1,
      using: &generator)
  }

  /// V(`observation`) for one observation.
  @inlinable
  public func callAsFunction(_ observation: [Double]) -> Double { network(observation)[0] }

  /// V for `batch` observations stored row after row.
  @inlinable
  public func values(_ observations: [Double], batch: Int) -> [Double] {
    network.forward(observations, batch: batch).output
  }

  /// The loss ½·mean (V(sᵢ) − targetᵢ)² over the batch, and its gradient in the parameters.
  ///
  /// - Complexity: one forward and one backward pass over the batch.
  public func squaredErrorLoss(observations: [Double], targets: [Double]) -> (
    loss: Double, gradient: [Double]
  ) {
    let n = targets.count
    let tape = network.forward(observations, batch: n)
    var loss = 0.0
    var dOut = [Double](repeating: 0, count: n)
    for i in 0..<n {
      let e = tape.output[i] - targets[i]
      loss += 0.5 * e * e / Double(n)
      dOut[i] = e / Double(n)
    }
    var gradient = [Double](repeating: 0, count: network.parameterCount)
    network.backward(tape, outputGradient: dOut, into: &gradient)
    return (loss, gradient)
  }
}
