import Foundation

/// Upper-confidence-bound action selection (Sutton & Barto, Section 2.7; Auer, Cesa-Bianchi
/// & Fischer, "Finite-time Analysis of the Multiarmed Bandit Problem", 2002).
///
/// Pulls every arm once, then the arm maximising Q(a) + c √(ln t / N(a)): the estimate plus
/// a bonus that shrinks as the arm is tried more often. Estimates are sample averages.
public struct UCBAgent: BanditAgent {
  /// The exploration constant c.
  public let c: Double
  /// The current estimates Q(a).
  public private(set) var estimates: [Double]
  /// How often each arm was pulled.
  public private(set) var counts: [Int]
  /// The number of pulls so far.
  public private(set) var time = 0
  var scores: [Double]

  /// Creates an agent with exploration constant `c`.
  public init(arms: Int, c: Double) {
    self.c = c
    self.estimates = Array(repeating: 0, count: arms)
    self.counts = Array(repeating: 0, count: arms)
    self.scores = Array(repeating: 0, count: arms)
  }

  /// An untried arm if any (at random), otherwise the highest upper bound.
  public mutating func selectArm(using generator: inout SeededGenerator) -> Int {
    let logT = Foundation.log(Double(time + 1))
    for a in scores.indices {
      scores[a] =
        counts[a] == 0 ? .infinity : estimates[a] + c * (logT / Double(counts[a])).squareRoot()
    }
    return argmaxRandomTies(scores, using: &generator)
  }

  /// Updates the pulled arm's sample average.
  public mutating func update(arm: Int, reward: Double) {
    time += 1
    counts[arm] += 1
    estimates[arm] += (reward - estimates[arm]) / Double(counts[arm])
  }
}
