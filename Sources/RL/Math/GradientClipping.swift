// Gradient clipping by Euclidean norm, as every trainer in the library does before its
// Adam step.

/// Rescales `gradient` in place so its Euclidean norm is at most `maxNorm`; returns the norm
/// it had before.
@discardableResult
public func clipGradientNorm(_ gradient: inout [Double], maxNorm: Double) -> Double {
  var total = 0.0
  for g in gradient { total += g * g }
  let norm = total.squareRoot()
  if norm > maxNorm {
    let scale = maxNorm / norm
    for i in gradient.indices { gradient[i] *= scale }
  }
  return norm
}

/// Scales two gradients together so their joint Euclidean norm is at most `maxNorm`.
public func clipJointNorm(_ a: inout [Double], _ b: inout [Double], maxNorm: Double) {
  var total = 0.0
  for x in a { total += x * x }
  for x in b { total += x * x }
  let norm = total.squareRoot()
  guard norm > maxNorm else { return }
  let scale = maxNorm / norm
  for i in a.indices { a[i] *= scale }
  for i in b.indices { b[i] *= scale }
}
