import Foundation

/// An element-wise non-linearity between the layers of an ``MLP``.
public enum Activation: Sendable, Hashable {
  /// The hyperbolic tangent, with derivative 1 − tanh².
  case tanh
  /// The rectifier max(0, x), with derivative 1 where x > 0 and 0 elsewhere.
  case relu
  /// No non-linearity.
  case identity

  /// The activation of `x`.
  @inlinable
  public func callAsFunction(_ x: Double) -> Double {
    switch self {
    case .tanh: Foundation.tanh(x)
    case .relu: x > 0 ? x : 0
    case .identity: x
    }
  }

  /// The derivative, written in terms of the activation's output `y` (which the forward
  /// pass keeps), so the backward pass needs no extra storage.
  @inlinable
  public func derivative(output y: Double) -> Double {
    switch self {
    case .tanh: 1 - y * y
    case .relu: y > 0 ? 1 : 0
    case .identity: 1
    }
  }
}
