/// TD(0) prediction of v_π (Sutton & Barto, Section 6.1): after every step, move V(S)
/// towards the bootstrapped target R + γ V(S′). The target is biased by the current
/// estimate V(S′) but depends on one random step only, so it is far less noisy than a
/// Monte Carlo return.
public struct TDZeroPredictor: Sendable {
  /// The current estimates V(s) (terminal states stay at zero).
  public var values: [Double]
  /// The step size α.
  public var learningRate: Double
  /// The discount γ.
  public var discount: Double

  /// Creates a predictor with every V(s) at `initialValue`.
  public init(
    stateCount: Int, learningRate: Double, discount: Double = 1, initialValue: Double = 0
  ) {
    self.values = Array(repeating: initialValue, count: stateCount)
    self.learningRate = learningRate
    self.discount = discount
  }

  /// Follows `policy` for one episode, updating after every step.
  ///
  /// - Complexity: O(episode length).
  public mutating func runEpisode(
    policy: TabularPolicy, in env: inout TabularEnvironment, maxSteps: Int = .max,
    using generator: inout SeededGenerator
  ) {
    var s = env.reset(using: &generator)
    var t = 0
    while t < maxSteps {
      let step = env.step(policy.sampleAction(in: s, using: &generator))
      t += 1
      let next = step.terminated ? 0 : values[step.observation]
      values[s] += learningRate * (step.reward + discount * next - values[s])
      if step.isDone { break }
      s = step.observation
    }
  }
}

/// The root-mean-square difference between `estimate` and `truth` over `states`.
public func rootMeanSquareError(_ estimate: [Double], _ truth: [Double], over states: [Int])
  -> Double
{
  var total = 0.0
  for s in states { total += (estimate[s] - truth[s]) * (estimate[s] - truth[s]) }
  return (total / Double(states.count)).squareRoot()
}
