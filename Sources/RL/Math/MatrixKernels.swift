// Implementation-only, so that chapter programs, which import RL, never need this C module's
// map. No type of it appears in RL's interface, only calls to its functions, so the
// compiler's warning about library evolution does not apply.
@_implementationOnly import CMatrixKernels

/// The dense loops of the tiny LM and the MLPs, on raw row-major buffers, for a block of rows
/// at once.
///
/// **Floating-point rules.** Every entry of every result is accumulated in one fixed order,
/// the order of the scalar loop in each kernel's summary, whatever the number of rows and
/// whatever the vector width: vector lanes only ever hold *different* entries (or, in
/// ``addMultiplyTransposed``, the two partial sums that the scalar loop keeps apart), never
/// parts of one sum. No multiply is fused with an add (Swift never contracts; the C kernels
/// say `#pragma clang fp contract(off)`), nothing uses fast-math, and everything runs on one
/// thread. IEEE 754 binary64 arithmetic with round-to-nearest then gives the same bits from
/// run to run, with the portable (SSE2) or the AVX2 kernels, on any x86-64 machine.
enum MatrixKernels {
  /// `Y[r] = b + X[r]·W` for every row r (X is rows × n, W is n × m, Y is rows × m): each
  /// entry is `((b[j] + x₀·W[0][j]) + x₁·W[1][j]) + …`, over i in ascending order, starting
  /// from zero when there is no bias.
  @inline(__always)
  static func multiply(
    _ x: UnsafePointer<Double>, _ w: UnsafePointer<Double>, bias: UnsafePointer<Double>?,
    into y: UnsafeMutablePointer<Double>, rows: Int, inner n: Int, columns m: Int
  ) {
    rl_multiply(x, w, bias, y, rows, n, m)
  }

  /// `dX[r] += W·dY[r]` for every row r (the gradient of ``multiply`` with respect to X; W
  /// is n × m, dY rows × m, dX rows × n). With two `partials`, each entry adds `s₀ + s₁`,
  /// where s₀ sums `W[i][j]·dY[r][j]` over even j and s₁ over odd j, each in ascending order
  /// from zero; with four, `(s₀ + s₁) + (s₂ + s₃)` over j mod 4, the columns after the last
  /// whole group of four going to s₀. Given `scratch` (n·m numbers), it works from a
  /// transposed copy of W when there are enough rows to pay for it; the bits are the same
  /// either way.
  @inline(__always)
  static func addMultiplyTransposed(
    _ dy: UnsafePointer<Double>, _ w: UnsafePointer<Double>,
    into dx: UnsafeMutablePointer<Double>, rows: Int, outer n: Int, inner m: Int,
    partials: Int32 = 2, scratch: UnsafeMutablePointer<Double>? = nil
  ) {
    rl_add_multiply_transposed(dy, w, dx, rows, n, m, partials, scratch)
  }

  /// `dW += Σ_r X[r]ᵀ·dY[r]` (the gradient of ``multiply`` with respect to W): each entry
  /// adds `X[r][i]·dY[r][j]` for r in ascending order, skipping rows where `X[r][i]` is zero.
  @inline(__always)
  static func addOuterProducts(
    _ x: UnsafePointer<Double>, _ dy: UnsafePointer<Double>,
    into dw: UnsafeMutablePointer<Double>, rows: Int, inner n: Int, columns m: Int
  ) {
    rl_add_outer_products(x, dy, dw, rows, n, m)
  }

  /// `y += Σ_r dY[r]` over rows in ascending order (a bias's gradient).
  static func addRows(
    _ dy: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, rows: Int, columns m: Int
  ) {
    for r in 0..<rows {
      let g = dy + r * m
      for c in 0..<m { y[c] += g[c] }
    }
  }

  /// The dot product of two length-n vectors, summed in ascending order from zero.
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
