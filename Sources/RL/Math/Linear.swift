/// A fully connected layer y = xW + b, stored as a slice of a flat parameter vector.
///
/// The weights are `inputSize × outputSize`, input-major, starting at ``offset``; the
/// `outputSize` biases follow them. Keeping all parameters in one `[Double]` lets optimisers,
/// gradient clipping and TRPO's conjugate gradient treat a whole network as one vector.
/// The loops are ordered so the innermost one runs along contiguous memory (an "axpy"), which
/// the compiler vectorises without reordering any sum, so results are reproducible.
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

  /// Computes `batch` rows of output from `batch` rows of input.
  ///
  /// - Complexity: O(batch · inputSize · outputSize).
  @inlinable
  public func forward(
    parameters p: UnsafePointer<Double>, input x: UnsafePointer<Double>,
    output y: UnsafeMutablePointer<Double>, batch: Int
  ) {
    let w = p + offset
    let b = p + biasOffset
    for r in 0..<batch {
      let yr = y + r * outputSize
      let xr = x + r * inputSize
      for j in 0..<outputSize { yr[j] = b[j] }
      for i in 0..<inputSize {
        let xi = xr[i]
        let wi = w + i * outputSize
        for j in 0..<outputSize { yr[j] += xi * wi[j] }
      }
    }
  }

  /// Given ∂L/∂y for `batch` rows, adds ∂L/∂W and ∂L/∂b into `parameterGradient` and, if
  /// `inputGradient` is given, writes ∂L/∂x = (∂L/∂y)Wᵀ into it.
  ///
  /// - Complexity: O(batch · inputSize · outputSize).
  @inlinable
  public func backward(
    parameters p: UnsafePointer<Double>, input x: UnsafePointer<Double>,
    outputGradient dy: UnsafePointer<Double>,
    parameterGradient g: UnsafeMutablePointer<Double>,
    inputGradient dx: UnsafeMutablePointer<Double>?, batch: Int
  ) {
    let w = p + offset
    let gw = g + offset
    let gb = g + biasOffset
    for r in 0..<batch {
      let dyr = dy + r * outputSize
      let xr = x + r * inputSize
      for j in 0..<outputSize { gb[j] += dyr[j] }
      for i in 0..<inputSize {
        let xi = xr[i]
        let gwi = gw + i * outputSize
        for j in 0..<outputSize { gwi[j] += xi * dyr[j] }
      }
      if let dx {
        let dxr = dx + r * inputSize
        for i in 0..<inputSize {
          let wi = w + i * outputSize
          // Four partial sums: a fixed order (so deterministic) that still pipelines well.
          var s0 = 0.0
          var s1 = 0.0
          var s2 = 0.0
          var s3 = 0.0
          var j = 0
          while j + 4 <= outputSize {
            s0 += wi[j] * dyr[j]
            s1 += wi[j + 1] * dyr[j + 1]
            s2 += wi[j + 2] * dyr[j + 2]
            s3 += wi[j + 3] * dyr[j + 3]
            j += 4
          }
          while j < outputSize {
            s0 += wi[j] * dyr[j]
            j += 1
          }
          dxr[i] = (s0 + s1) + (s2 + s3)
        }
      }
    }
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
