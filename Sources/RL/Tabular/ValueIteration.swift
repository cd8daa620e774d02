/// The result of value iteration.
public struct ValueIterationResult: Sendable {
  /// The approximate optimal values v*(s).
  public var values: [Double]
  /// A greedy action in every state with respect to `values` (0 at terminal states).
  public var actions: [Int]
  /// The number of sweeps until the largest change fell below the threshold.
  public var sweeps: Int
}

/// Value iteration (Sutton & Barto, Section 4.4): sweeps the Bellman optimality backup
/// v(s) ← maxₐ Σ p(s′,r|s,a)[r + γ v(s′)] in place until the largest change in a sweep is
/// below `threshold`, then reads off a greedy policy.
///
/// - Complexity: O(sweeps × total outcomes).
public func valueIteration(
  _ mdp: TabularMDP, discount: Double, threshold: Double = 1e-10, maxSweeps: Int = 1_000_000
) -> ValueIterationResult {
  var values = [Double](repeating: 0, count: mdp.stateCount)
  var sweeps = 0
  var change = Double.infinity
  while sweeps < maxSweeps && change >= threshold {
    change = valueIterationSweep(mdp, values: &values, discount: discount)
    sweeps += 1
  }
  let q = actionValues(from: values, in: mdp, discount: discount)
  return ValueIterationResult(values: values, actions: q.greedyActions, sweeps: sweeps)
}

/// One in-place sweep of the Bellman optimality backup over every state; returns the
/// largest change. This is the hot loop of value iteration, on raw buffers.
///
/// - Complexity: O(total outcomes).
public func valueIterationSweep(_ mdp: TabularMDP, values: inout [Double], discount: Double)
  -> Double
{
  let actionCount = mdp.actionCount
  var change = 0.0
  mdp.allOutcomes.withUnsafeBufferPointer { outcomes in
    mdp.offsets.withUnsafeBufferPointer { offsets in
      mdp.isTerminal.withUnsafeBufferPointer { terminal in
        values.withUnsafeMutableBufferPointer { v in
          for s in 0..<v.count where !terminal[s] {
            var best = -Double.infinity
            for a in 0..<actionCount {
              let pair = s * actionCount + a
              var q = 0.0
              for i in offsets[pair]..<offsets[pair + 1] {
                let o = outcomes[i]
                let next = terminal[o.nextState] ? 0 : v[o.nextState]
                q += o.probability * (o.reward + discount * next)
              }
              if q > best { best = q }
            }
            change = max(change, abs(best - v[s]))
            v[s] = best
          }
        }
      }
    }
  }
  return change
}
