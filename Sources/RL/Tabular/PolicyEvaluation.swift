/// The result of iterative policy evaluation.
public struct PolicyEvaluationResult: Sendable {
  /// v_π(s), zero at terminal states.
  public var values: [Double]
  /// The number of full sweeps over the states.
  public var sweeps: Int
  /// The largest change in the last sweep.
  public var finalChange: Double
}

/// Iterative policy evaluation (Sutton & Barto, Section 4.1): sweeps the Bellman expectation
/// backup v(s) ← Σₐ π(a|s) Σ p(s′,r|s,a)[r + γ v(s′)] until the largest change in a sweep is
/// below `threshold`.
///
/// With `inPlace` (the default) each sweep uses new values as soon as they are computed;
/// otherwise it backs up from the previous sweep's values only (the textbook's two-array
/// version, whose sweep k gives exactly the values of Figure 4.1).
///
/// - Complexity: O(sweeps × total outcomes × 1).
public func evaluatePolicy(
  _ policy: TabularPolicy, in mdp: TabularMDP, discount: Double, threshold: Double = 1e-10,
  maxSweeps: Int = 1_000_000, inPlace: Bool = true
) -> PolicyEvaluationResult {
  precondition(policy.stateCount == mdp.stateCount && policy.actionCount == mdp.actionCount)
  var values = [Double](repeating: 0, count: mdp.stateCount)
  var sweeps = 0
  var change = Double.infinity
  while sweeps < maxSweeps && change >= threshold {
    let old = values
    change = 0
    for s in 0..<mdp.stateCount where !mdp.isTerminal[s] {
      var v = 0.0
      for a in 0..<mdp.actionCount {
        let p = policy[s, a]
        if p > 0 {
          v += p * mdp.lookahead(s, a, values: inPlace ? values : old, discount: discount)
        }
      }
      change = max(change, abs(v - values[s]))
      values[s] = v
    }
    sweeps += 1
  }
  return PolicyEvaluationResult(values: values, sweeps: sweeps, finalChange: change)
}

/// v_π exactly, by solving the linear Bellman system (I − γ P_π) v = r_π with Gaussian
/// elimination (terminal states are pinned to zero).
///
/// Returns `nil` if the system is singular, which happens with γ = 1 when the policy can
/// circle forever without reaching a terminal state.
///
/// - Complexity: O(n³) for n states.
public func exactPolicyValues(_ policy: TabularPolicy, in mdp: TabularMDP, discount: Double)
  -> [Double]?
{
  let n = mdp.stateCount
  var matrix = [Double](repeating: 0, count: n * n)
  var rhs = [Double](repeating: 0, count: n)
  for s in 0..<n {
    matrix[s * n + s] = 1
    if mdp.isTerminal[s] { continue }
    for a in 0..<mdp.actionCount {
      let p = policy[s, a]
      if p == 0 { continue }
      for o in mdp.outcomes(s, a) {
        rhs[s] += p * o.probability * o.reward
        if !mdp.isTerminal[o.nextState] {
          matrix[s * n + o.nextState] -= discount * p * o.probability
        }
      }
    }
  }
  return solveLinearSystem(matrix, rhs)
}

/// The action values q(s, a) = Σ p(s′,r|s,a)[r + γ v(s′)] implied by state values `values`.
public func actionValues(from values: [Double], in mdp: TabularMDP, discount: Double) -> QTable {
  var q = QTable(stateCount: mdp.stateCount, actionCount: mdp.actionCount)
  for s in 0..<mdp.stateCount where !mdp.isTerminal[s] {
    for a in 0..<mdp.actionCount {
      q[s, a] = mdp.lookahead(s, a, values: values, discount: discount)
    }
  }
  return q
}

/// For every state, all actions whose one-step lookahead is within `tolerance` of the best
/// (the arrows of Sutton & Barto's Figure 3.5); empty for terminal states.
public func greedyActionSets(
  values: [Double], in mdp: TabularMDP, discount: Double, tolerance: Double = 1e-6
) -> [[Int]] {
  let q = actionValues(from: values, in: mdp, discount: discount)
  return (0..<mdp.stateCount).map { s in
    guard !mdp.isTerminal[s] else { return [] }
    let best = q.maxValue(in: s)
    return (0..<mdp.actionCount).filter { q[s, $0] >= best - tolerance }
  }
}
