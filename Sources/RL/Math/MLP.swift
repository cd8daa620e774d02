/// A multi-layer perceptron: ``Linear`` layers with an ``Activation`` between them and a
/// linear output, all parameters in one flat vector, with a hand-written backward pass.
///
/// Every method works on a batch of rows stored one after another in a flat `[Double]`.
/// `forward` returns an ``MLP/Tape`` holding each layer's output; `backward` walks the tape in
/// reverse to accumulate the parameter gradient. The tests check every gradient against
/// finite differences.
public struct MLP: Sendable {
  /// The layer widths, input first, output last (for example `[4, 64, 64, 2]`).
  public let sizes: [Int]
  /// The non-linearity after every layer but the last.
  public let activation: Activation
  /// The layers, in order.
  public let layers: [Linear]
  /// All weights and biases, layer after layer.
  public var parameters: [Double]

  /// The activations of one forward pass, kept for the backward pass.
  public struct Tape: Sendable {
    /// The number of rows in the batch.
    public let batch: Int
    /// `values[0]` is the input; `values[l + 1]` is the output of layer `l` (after its
    /// activation, except for the last layer).
    public var values: [[Double]]
    /// The network's output: `batch` rows of `sizes.last` numbers.
    @inlinable
    public var output: [Double] { values[values.count - 1] }

    /// Wraps the activations of a forward pass over `batch` rows.
    @inlinable
    public init(batch: Int, values: [[Double]]) {
      self.batch = batch
      self.values = values
    }
  }

  /// Creates a network with weights drawn from N(0, gain²/fanIn) and zero biases.
  ///
  /// He/LeCun-style scaling keeps activations of order one; `outputGain` scales the last
  /// layer. A small `outputGain` (such as 0.01 for a policy) starts the policy close to
  /// uniform, a common trick in PPO implementations (see CleanRL's `layer_init`).
  public init(
    sizes: [Int], activation: Activation = .tanh, hiddenGain: Double = 1,
    outputGain: Double = 1, using generator: inout SeededGenerator
  ) {
    precondition(sizes.count >= 2 && sizes.allSatisfy { $0 > 0 }, "need at least two sizes")
    self.sizes = sizes
    self.activation = activation
    var layers: [Linear] = []
    var offset = 0
    for l in 0..<(sizes.count - 1) {
      let layer = Linear(inputSize: sizes[l], outputSize: sizes[l + 1], offset: offset)
      layers.append(layer)
      offset += layer.parameterCount
    }
    self.layers = layers
    var parameters = [Double](repeating: 0, count: offset)
    for (l, layer) in layers.enumerated() {
      let gain = l == layers.count - 1 ? outputGain : hiddenGain
      let scale = gain / Double(layer.inputSize).squareRoot()
      for k in layer.offset..<layer.biasOffset { parameters[k] = scale * generator.normal() }
    }
    self.parameters = parameters
  }

  /// The total number of parameters.
  @inlinable
  public var parameterCount: Int { parameters.count }
  /// The width of the input.
  @inlinable
  public var inputSize: Int { sizes[0] }
  /// The width of the output.
  @inlinable
  public var outputSize: Int { sizes[sizes.count - 1] }

  /// Runs `batch` rows of input through the network, keeping every activation.
  ///
  /// - Complexity: O(batch · number of weights).
  public func forward(_ input: [Double], batch: Int) -> Tape {
    precondition(input.count == batch * inputSize, "input must have batch × inputSize entries")
    var values = [input]
    values.reserveCapacity(sizes.count)
    parameters.withUnsafeBufferPointer { p in
      for (l, layer) in layers.enumerated() {
        var out = [Double](repeating: 0, count: batch * layer.outputSize)
        values[l].withUnsafeBufferPointer { x in
          out.withUnsafeMutableBufferPointer { y in
            layer.forward(
              parameters: p.baseAddress!, input: x.baseAddress!, output: y.baseAddress!,
              batch: batch)
          }
        }
        if l < layers.count - 1 && activation != .identity {
          for k in out.indices { out[k] = activation(out[k]) }
        }
        values.append(out)
      }
    }
    return Tape(batch: batch, values: values)
  }

  /// The output for a single input row.
  @inlinable
  public func callAsFunction(_ input: [Double]) -> [Double] {
    forward(input, batch: 1).output
  }

  /// Back-propagates ∂L/∂output (`batch` rows) through the taped pass and adds ∂L/∂θ into
  /// `gradient` (which must have ``parameterCount`` entries).
  ///
  /// - Complexity: O(batch · number of weights), about twice a forward pass.
  public func backward(_ tape: Tape, outputGradient: [Double], into gradient: inout [Double]) {
    precondition(outputGradient.count == tape.batch * outputSize, "one gradient per output")
    precondition(gradient.count == parameterCount, "gradient must match the parameters")
    var delta = outputGradient
    let largest = layers.map { $0.inputSize * $0.outputSize }.max() ?? 0
    var scratch = [Double](repeating: 0, count: tape.batch >= 4 ? largest : 0)
    parameters.withUnsafeBufferPointer { p in
      gradient.withUnsafeMutableBufferPointer { g in
        for l in stride(from: layers.count - 1, through: 0, by: -1) {
          let layer = layers[l]
          var inputDelta = [Double](repeating: 0, count: l > 0 ? tape.batch * layer.inputSize : 0)
          tape.values[l].withUnsafeBufferPointer { x in
            delta.withUnsafeBufferPointer { dy in
              inputDelta.withUnsafeMutableBufferPointer { dx in
                scratch.withUnsafeMutableBufferPointer { room in
                  layer.backward(
                    parameters: p.baseAddress!, input: x.baseAddress!,
                    outputGradient: dy.baseAddress!, parameterGradient: g.baseAddress!,
                    inputGradient: l > 0 ? dx.baseAddress! : nil, batch: tape.batch,
                    scratch: room.isEmpty ? nil : room.baseAddress)
                }
              }
            }
          }
          if l > 0 {
            let h = tape.values[l]  // the activation output feeding this layer
            for k in inputDelta.indices { inputDelta[k] *= activation.derivative(output: h[k]) }
            delta = inputDelta
          }
        }
      }
    }
  }

  /// The directional derivative of the output along `parameterTangent`: J·v, where J is
  /// ∂output/∂θ at the taped inputs (forward-mode differentiation).
  ///
  /// - Complexity: O(batch · number of weights).
  @inlinable
  public func jacobianVectorProduct(_ tape: Tape, parameterTangent: [Double]) -> [Double] {
    precondition(parameterTangent.count == parameterCount, "tangent must match the parameters")
    var tangent: [Double] = []
    parameters.withUnsafeBufferPointer { p in
      parameterTangent.withUnsafeBufferPointer { t in
        for (l, layer) in layers.enumerated() {
          var out = [Double](repeating: 0, count: tape.batch * layer.outputSize)
          tape.values[l].withUnsafeBufferPointer { x in
            tangent.withUnsafeBufferPointer { dx in
              out.withUnsafeMutableBufferPointer { dy in
                layer.jacobianVectorProduct(
                  parameters: p.baseAddress!, input: x.baseAddress!,
                  inputTangent: l > 0 ? dx.baseAddress! : nil, parameterTangent: t.baseAddress!,
                  outputTangent: dy.baseAddress!, batch: tape.batch)
              }
            }
          }
          if l < layers.count - 1 {
            let h = tape.values[l + 1]
            for k in out.indices { out[k] *= activation.derivative(output: h[k]) }
          }
          tangent = out
        }
      }
    }
    return tangent
  }
}
