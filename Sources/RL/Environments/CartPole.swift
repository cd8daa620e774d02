import Foundation

/// CartPole-v1 with exactly Gymnasium's dynamics (Barto, Sutton & Anderson, "Neuronlike
/// Adaptive Elements That Can Solve Difficult Learning Control Problems", 1983; constants and
/// integration from `gymnasium/envs/classic_control/cartpole.py`).
///
/// The state is (cart position x, cart velocity ẋ, pole angle θ, pole angular velocity θ̇).
/// Action 0 pushes the cart left with 10 N, action 1 pushes it right. Every step pays +1,
/// including the step that ends the episode. The episode terminates when |x| > 2.4 or
/// |θ| > 12°, and is truncated after 500 steps (the `TimeLimit` of CartPole-v1).
///
/// Like Gymnasium, the internal ``state`` is kept in `Double`, while the observation handed
/// to the agent is rounded to `Float` (Gymnasium returns a float32 array).
public struct CartPole: Environment, Sendable {
  /// Gravity, m/s².
  public static let gravity = 9.8
  /// Mass of the cart, kg.
  public static let massCart = 1.0
  /// Mass of the pole, kg.
  public static let massPole = 0.1
  /// Half the pole's length, m.
  public static let length = 0.5
  /// Magnitude of the push, N.
  public static let forceMagnitude = 10.0
  /// Seconds between state updates.
  public static let tau = 0.02
  /// The pole angle at which the episode terminates: 12°, in radians.
  public static let thetaThreshold = 12 * 2 * Double.pi / 360
  /// The cart position at which the episode terminates.
  public static let xThreshold = 2.4
  /// The number of steps after which the episode is truncated.
  public static let maxEpisodeSteps = 500

  /// The size of an observation.
  public static let observationSize = 4
  /// The number of actions.
  public static let actionCount = 2

  /// The physical state (x, ẋ, θ, θ̇) in full `Double` precision.
  public var state: [Double] = [0, 0, 0, 0]
  /// Steps taken in the current episode.
  public private(set) var elapsedSteps = 0

  /// Creates the environment; call ``reset(using:)`` before stepping.
  public init() {}

  /// The observation for the current state, rounded to `Float` as Gymnasium does.
  @inlinable
  public var observation: [Double] { state.map { Double(Float($0)) } }

  /// Starts an episode from a state drawn uniformly from [−0.05, 0.05)⁴.
  public mutating func reset(using generator: inout SeededGenerator) -> [Double] {
    for i in 0..<4 { state[i] = generator.uniform(-0.05, 0.05) }
    elapsedSteps = 0
    return observation
  }

  /// Starts an episode from a given state (for replaying a reference trajectory).
  public mutating func reset(toState start: [Double]) -> [Double] {
    precondition(start.count == 4, "CartPole's state has four entries")
    state = start
    elapsedSteps = 0
    return observation
  }

  /// Pushes the cart (0: left, 1: right) and advances the physics by one Euler step of
  /// `tau` seconds.
  public mutating func step(_ action: Int) -> Step<[Double]> {
    precondition(action == 0 || action == 1, "CartPole has actions 0 and 1")
    let x = state[0]
    let xDot = state[1]
    let theta = state[2]
    let thetaDot = state[3]
    let totalMass = Self.massPole + Self.massCart
    let poleMassLength = Self.massPole * Self.length
    let force = action == 1 ? Self.forceMagnitude : -Self.forceMagnitude
    let cosTheta = Foundation.cos(theta)
    let sinTheta = Foundation.sin(theta)
    // The same expressions, in the same order, as Gymnasium, so rounding matches.
    let temp = (force + poleMassLength * (thetaDot * thetaDot) * sinTheta) / totalMass
    let thetaAcc =
      (Self.gravity * sinTheta - cosTheta * temp)
      / (Self.length * (4.0 / 3.0 - Self.massPole * (cosTheta * cosTheta) / totalMass))
    let xAcc = temp - poleMassLength * thetaAcc * cosTheta / totalMass
    state[0] = x + Self.tau * xDot
    state[1] = xDot + Self.tau * xAcc
    state[2] = theta + Self.tau * thetaDot
    state[3] = thetaDot + Self.tau * thetaAcc
    elapsedSteps += 1
    let terminated =
      state[0] < -Self.xThreshold || state[0] > Self.xThreshold
      || state[2] < -Self.thetaThreshold || state[2] > Self.thetaThreshold
    // Gymnasium's TimeLimit sets `truncated` from the step count alone, even on a final step.
    let truncated = elapsedSteps >= Self.maxEpisodeSteps
    return Step(observation: observation, reward: 1, terminated: terminated, truncated: truncated)
  }
}
