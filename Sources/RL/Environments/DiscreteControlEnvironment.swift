/// An environment with feature-vector observations and a fixed number of discrete actions:
/// the kind the policy-gradient learners in this library train on (CartPole, the short
/// corridor).
public protocol DiscreteControlEnvironment: Environment, Sendable
where Observation == [Double], Action == Int {
  /// The length of every observation.
  static var observationSize: Int { get }
  /// The number of actions; actions are `0..<actionCount`.
  static var actionCount: Int { get }
}

extension CartPole: DiscreteControlEnvironment {}
extension ShortCorridor: DiscreteControlEnvironment {}
