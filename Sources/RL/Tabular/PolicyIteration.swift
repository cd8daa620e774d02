/// The result of policy iteration.
public struct PolicyIterationResult: Sendable {
  /// The final greedy action in every state (0 at terminal states).
  public var actions: [Int]
  /// The values of that policy.
  public var values: [Double]
  /// The number of evaluate-then-improve rounds until the policy stopped changing.
  public var iterations: Int
  /// The total number of evaluation sweeps over all rounds.
  public var evaluationSweeps: Int

  /// The final policy as a (deterministic) ``TabularPolicy``.
  public func policy(actionCount: Int) -> TabularPolicy {
    .deterministic(actions, actionCount: actionCount)
  }
}

/// Policy iteration (Sutton & Barto, Section 4.3): evaluate the current policy, make it
/// greedy with respect to its values, and repeat until it no longer changes.
///
/// Evaluation is iterative (to `threshold`) or exact (`exactEvaluation: true`). An action
/// is only replaced by a strictly better one (by more than `tolerance`), so ties cannot make
/// the loop cycle between equally good policies.
///
/// Without `initialActions`, the first round evaluates the equiprobable random policy. That
/// matters when γ = 1: an arbitrary deterministic start (say "always up") may never reach a
/// terminal state, and its values would be −∞.
public func policyIteration(
  _ mdp: TabularMDP, discount: Double, threshold: Double = 1e-10,
  exactEvaluation: Bool = false, tolerance: Double = 1e-9, initialActions: [Int]? = nil
) -> PolicyIterationResult {
  var actions = initialActions ?? Array(repeating: 0, count: mdp.stateCount)
  var iterations = 0
  var sweeps = 0
  while true {
    iterations += 1
    let policy =
      iterations == 1 && initialActions == nil
      ? TabularPolicy.uniform(stateCount: mdp.stateCount, actionCount: mdp.actionCount)
      : TabularPolicy.deterministic(actions, actionCount: mdp.actionCount)
    let values: [Double]
    if exactEvaluation, let exact = exactPolicyValues(policy, in: mdp, discount: discount) {
      values = exact
    } else {
      let result = evaluatePolicy(policy, in: mdp, discount: discount, threshold: threshold)
      values = result.values
      sweeps += result.sweeps
    }
    // region policy-improvement
    var stable = iterations > 1 || initialActions != nil
    for s in 0..<mdp.stateCount where !mdp.isTerminal[s] {
      var bestAction = actions[s]
      var bestValue = mdp.lookahead(s, bestAction, values: values, discount: discount)
      for a in 0..<mdp.actionCount {
        let q = mdp.lookahead(s, a, values: values, discount: discount)
        if q > bestValue + tolerance {
          bestValue = q
          bestAction = a
        }
      }
      if bestAction != actions[s] {
        actions[s] = bestAction
        stable = false
      }
    }
    // endregion
    if stable {
      return PolicyIterationResult(
        actions: actions, values: values, iterations: iterations, evaluationSweeps: sweeps)
    }
  }
}
