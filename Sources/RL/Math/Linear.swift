/// A fully connected layer y = xW + b, stored as a slice of a flat parameter vector.
///
/// The weights are `inputSize × outputSize`, input-major, starting at ``offset``; the
/// `outputSize` biases follow them. Keeping all parameters in one `[Double]` lets optimisers,
/// gradient clipping and TRPO's conjugate gradient treat a whole network as one vector.
/// The forward and backward passes run on ``MatrixKernels``, which keep every sum in a fixed
/// order, so results are reproducible bit for bit.
public struct Linear: Sendable, Hashable {
  /// The width of the input.
  public let inputSize: Int
  /// The width of the output.
  public let outputSize: Int
  /// Where this layer's weights start in the parameter vector.
  public let offset: Int

  /// Describes a layer whose parameters start at `offset`.
  public init(inputSize: Int, outputSize: Int, offset: Int = 0) {
    self.inputSize = inputSize
    self.outputSize = outputSize
    self.offset = offset
  }

  /// The number of parameters: weights plus biases.
  @inlinable
  public var parameterCount: Int { inputSize * outputSize + outputSize }

  /// Where the biases start in the parameter vector.
  @inlinable
  public var biasOffset: Int { offset + inputSize * outputSize }

  /// Computes `batch` rows of output from `batch` rows of input: each output is
  /// `((b[j] + x₀·W[0][j]) + x₁·W[1][j]) + …`, in that order.
  ///
  /// - Complexity: O(batch · inputSize · outputSize).
  public func forward(
    parameters p: UnsafePointer<Double>, input x: UnsafePointer<Double>,
    output y: UnsafeMutablePointer<Double>, batch: Int
  ) {
    MatrixKernels.multiply(
      x, p + offset, bias: p + biasOffset, into: y, rows: batch, inner: inputSize,
      columns: outputSize)
  }

  /// Given ∂L/∂y for `batch` rows, adds ∂L/∂W and ∂L/∂b into `parameterGradient` (summing
  /// over rows in order; a row whose input is exactly zero adds nothing to ∂L/∂W, which only
  /// differs from adding 0·∂L/∂y when ∂L/∂y is infinite or NaN) and, if `inputGradient` is
  /// given, writes ∂L/∂x = (∂L/∂y)Wᵀ into it (each entry from four partial sums over j mod 4,
  /// combined as (s₀ + s₁) + (s₂ + s₃)).
  ///
  /// - Complexity: O(batch · inputSize · outputSize).
  public func backward(
    parameters p: UnsafePointer<Double>, input x: UnsafePointer<Double>,
    outputGradient dy: UnsafePointer<Double>,
    parameterGradient g: UnsafeMutablePointer<Double>,
    inputGradient dx: UnsafeMutablePointer<Double>?, batch: Int
  ) {
    backward(
      parameters: p, input: x, outputGradient: dy, parameterGradient: g, inputGradient: dx,
      batch: batch, scratch: nil)
  }

  /// ``backward(parameters:input:outputGradient:parameterGradient:inputGradient:batch:)``
  /// with room for a transposed copy of W (`inputSize × outputSize` numbers), which makes
  /// large batches faster and gives the same bits.
  func backward(
    parameters p: UnsafePointer<Double>, input x: UnsafePointer<Double>,
    outputGradient dy: UnsafePointer<Double>,
    parameterGradient g: UnsafeMutablePointer<Double>,
    inputGradient dx: UnsafeMutablePointer<Double>?, batch: Int,
    scratch: UnsafeMutablePointer<Double>?
  ) {
    MatrixKernels.addRows(dy, into: g + biasOffset, rows: batch, columns: outputSize)
    MatrixKernels.addOuterProducts(
      x, dy, into: g + offset, rows: batch, inner: inputSize, columns: outputSize)
    guard let dx else { return }
    dx.update(repeating: 0, count: batch * inputSize)
    MatrixKernels.addMultiplyTransposed(
      dy, p + offset, into: dx, rows: batch, outer: inputSize, inner: outputSize, partials: 4,
      scratch: scratch)
  }

  /// The forward-mode derivative: how the output moves, dy = dx·W + x·dW + db, when the
  /// input moves by `inputTangent` (or not at all, if `nil`) and the parameters by
  /// `parameterTangent`. Used for TRPO's Fisher-vector products.
  ///
  /// - Complexity: O(batch · inputSize · outputSize).
  @inlinable
  public func jacobianVectorProduct(
    parameters p: UnsafePointer<Double>, input x: UnsafePointer<Double>,
    inputTangent dx: UnsafePointer<Double>?, parameterTangent t: UnsafePointer<Double>,
    outputTangent dy: UnsafeMutablePointer<Double>, batch: Int
  ) {
    let w = p + offset
    let tw = t + offset
    let tb = t + biasOffset
    for r in 0..<batch {
      let dyr = dy + r * outputSize
      let xr = x + r * inputSize
      for j in 0..<outputSize { dyr[j] = tb[j] }
      for i in 0..<inputSize {
        let xi = xr[i]
        let twi = tw + i * outputSize
        for j in 0..<outputSize { dyr[j] += xi * twi[j] }
        if let dx {
          let dxi = dx[r * inputSize + i]
          let wi = w + i * outputSize
          for j in 0..<outputSize { dyr[j] += dxi * wi[j] }
        }
      }
    }
  }
}
