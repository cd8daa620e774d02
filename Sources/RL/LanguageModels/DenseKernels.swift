/// The few dense loops the tiny LM needs, on raw pointers so the hot paths allocate nothing.
/// Matrices are row-major `[n × m]`.
enum DenseKernels {
  /// y = b + x·W, or y = x·W when `bias` is nil (x has n entries, y has m).
  @inline(__always)
  static func affine(
    _ x: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ bias: UnsafePointer<Double>?,
    _ y: UnsafeMutablePointer<Double>, _ n: Int, _ m: Int
  ) {
    if let bias { y.update(from: bias, count: m) } else { y.update(repeating: 0, count: m) }
    for i in 0..<n {
      let xi = x[i]
      let row = w + i * m
      for j in 0..<m { y[j] += xi * row[j] }
    }
  }

  /// dx += W·dy (the gradient of y = x·W with respect to x).
  @inline(__always)
  static func addTransposed(
    _ dy: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ dx: UnsafeMutablePointer<Double>,
    _ n: Int, _ m: Int
  ) {
    for i in 0..<n {
      let row = w + i * m
      var s0 = 0.0
      var s1 = 0.0
      var j = 0
      while j + 1 < m {
        s0 += row[j] * dy[j]
        s1 += row[j + 1] * dy[j + 1]
        j += 2
      }
      if j < m { s0 += row[j] * dy[j] }
      dx[i] += s0 + s1
    }
  }

  /// dW += xᵀ·dy (the gradient of y = x·W with respect to W).
  @inline(__always)
  static func addOuter(
    _ x: UnsafePointer<Double>, _ dy: UnsafePointer<Double>, _ dw: UnsafeMutablePointer<Double>,
    _ n: Int, _ m: Int
  ) {
    for i in 0..<n {
      let xi = x[i]
      if xi == 0 { continue }
      let row = dw + i * m
      for j in 0..<m { row[j] += xi * dy[j] }
    }
  }

  /// The dot product of two length-n vectors.
  @inline(__always)
  static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
    var s = 0.0
    for i in 0..<n { s += a[i] * b[i] }
    return s
  }

  /// y += α·x.
  @inline(__always)
  static func axpy(
    _ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ n: Int
  ) {
    for i in 0..<n { y[i] += alpha * x[i] }
  }
}
