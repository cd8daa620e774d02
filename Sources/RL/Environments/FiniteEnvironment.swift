/// An environment with finitely many states and actions, both numbered from zero, so a
/// learner can keep one table entry per state–action pair.
public protocol FiniteEnvironment: Environment where Observation == Int, Action == Int {
  /// The number of states; observations lie in `0..<stateCount`.
  var stateCount: Int { get }
  /// The number of actions; actions lie in `0..<actionCount`.
  var actionCount: Int { get }
}
