import Foundation

/// log Σ exp(xᵢ), computed stably by shifting by the maximum.
///
/// - Complexity: O(n).
@inlinable
public func logSumExp(_ x: [Double]) -> Double {
  guard let m = x.max(), m.isFinite else { return x.max() ?? -.infinity }
  var total = 0.0
  for v in x { total += Foundation.exp(v - m) }
  return m + Foundation.log(total)
}

/// The softmax of `logits`, divided by `temperature` first: pᵢ ∝ exp(xᵢ / T).
///
/// - Complexity: O(n).
@inlinable
public func softmax(_ logits: [Double], temperature: Double = 1) -> [Double] {
  let scaled = temperature == 1 ? logits : logits.map { $0 / temperature }
  let m = scaled.max() ?? 0
  var e = scaled.map { Foundation.exp($0 - m) }
  let total = e.reduce(0, +)
  for i in e.indices { e[i] /= total }
  return e
}

/// log softmax(`logits`): xᵢ − log Σ exp(xⱼ).
///
/// - Complexity: O(n).
@inlinable
public func logSoftmax(_ logits: [Double]) -> [Double] {
  let lse = logSumExp(logits)
  return logits.map { $0 - lse }
}

/// The logistic function σ(x) = 1 / (1 + e^(−x)), computed without overflow.
@inlinable
public func sigmoid(_ x: Double) -> Double {
  x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
}

/// log σ(x), computed without overflow or underflow for large |x|.
@inlinable
public func logSigmoid(_ x: Double) -> Double {
  x >= 0 ? -Foundation.log1p(Foundation.exp(-x)) : x - Foundation.log1p(Foundation.exp(x))
}

extension Double {
  /// eˣ (a small convenience for log-probabilities).
  var exp: Double { Foundation.exp(self) }
}
