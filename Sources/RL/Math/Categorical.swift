import Foundation

/// A categorical distribution over actions `0..<k`, parameterised by logits z: pₐ ∝ exp(zₐ).
///
/// Besides sampling, it gives the log-probability, the entropy, the KL divergence and the
/// gradients of these with respect to the logits, which is what a policy-gradient loss needs
/// before back-propagating into the network that produced the logits.
public struct Categorical: Sendable {
  /// The logits z.
  public let logits: [Double]
  /// log pₐ = zₐ − log Σ exp z.
  public let logProbabilities: [Double]
  /// The probabilities pₐ.
  public let probabilities: [Double]

  /// Creates the distribution softmax(`logits`).
  @inlinable
  public init(logits: [Double]) {
    self.logits = logits
    logProbabilities = logSoftmax(logits)
    probabilities = logProbabilities.map { Foundation.exp($0) }
  }

  /// The number of categories.
  @inlinable
  public var count: Int { logits.count }

  /// Draws a category.
  @inlinable
  public func sample(using generator: inout SeededGenerator) -> Int {
    generator.categorical(probabilities)
  }

  /// The most likely category (the first, on ties).
  @inlinable
  public var mode: Int {
    var best = 0
    for a in 1..<count where logits[a] > logits[best] { best = a }
    return best
  }

  /// log p(`action`).
  @inlinable
  public func logProbability(of action: Int) -> Double { logProbabilities[action] }

  /// The entropy H = −Σ pₐ log pₐ, in nats.
  @inlinable
  public var entropy: Double {
    var h = 0.0
    for a in 0..<count where probabilities[a] > 0 { h -= probabilities[a] * logProbabilities[a] }
    return h
  }

  /// ∂ log p(`action`) / ∂z = onehot(action) − p.
  @inlinable
  public func logProbabilityGradient(of action: Int) -> [Double] {
    var g = probabilities.map { -$0 }
    g[action] += 1
    return g
  }

  /// ∂H/∂zₖ = −pₖ (log pₖ + H).
  @inlinable
  public var entropyGradient: [Double] {
    let h = entropy
    return (0..<count).map { -probabilities[$0] * (logProbabilities[$0] + h) }
  }

  /// KL(self ‖ `other`) = Σ pₐ (log pₐ − log qₐ).
  @inlinable
  public func klDivergence(to other: Categorical) -> Double {
    var kl = 0.0
    for a in 0..<count where probabilities[a] > 0 {
      kl += probabilities[a] * (logProbabilities[a] - other.logProbabilities[a])
    }
    return kl
  }

  /// The Fisher information of the logits applied to `u`: F·u = p ⊙ u − p (p·u).
  ///
  /// It is also the Hessian of KL(p_old ‖ softmax(z)) at z = z_old, which is why TRPO uses
  /// it: its quadratic form measures how far a small step moves the distribution.
  @inlinable
  public func fisherVectorProduct(_ u: [Double]) -> [Double] {
    var pu = 0.0
    for a in 0..<count { pu += probabilities[a] * u[a] }
    return (0..<count).map { probabilities[$0] * (u[$0] - pu) }
  }
}
