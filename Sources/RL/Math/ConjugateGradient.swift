/// Solves A·x = b for a symmetric positive-definite A given only as a product `multiply`
/// (Hestenes & Stiefel, 1952), starting from x = 0.
///
/// TRPO uses it to compute F⁻¹g without ever forming the Fisher matrix F: each iteration
/// costs one Fisher-vector product. In exact arithmetic it converges in at most n steps;
/// a few (10 in TRPO) are enough for a good direction.
///
/// - Complexity: `iterations` calls of `multiply` plus O(iterations · n).
public func conjugateGradient(
  _ multiply: ([Double]) -> [Double], _ b: [Double], iterations: Int = 10,
  residualTolerance: Double = 1e-10
) -> [Double] {
  var x = [Double](repeating: 0, count: b.count)
  var r = b
  var p = b
  var rr = dot(r, r)
  for _ in 0..<iterations where rr > residualTolerance {
    let ap = multiply(p)
    let alpha = rr / dot(p, ap)
    for i in x.indices {
      x[i] += alpha * p[i]
      r[i] -= alpha * ap[i]
    }
    let next = dot(r, r)
    let beta = next / rr
    for i in p.indices { p[i] = r[i] + beta * p[i] }
    rr = next
  }
  return x
}

/// The dot product Σ aᵢ bᵢ.
@inlinable
public func dot(_ a: [Double], _ b: [Double]) -> Double {
  precondition(a.count == b.count, "vectors must have equal lengths")
  var total = 0.0
  for i in a.indices { total += a[i] * b[i] }
  return total
}
