/// Sutton & Barto's random walk (Example 6.2): a row of non-terminal states between two
/// terminal ends. Every step moves left or right; reaching the right end pays +1, every
/// other transition pays 0.
///
/// With `n` inner states, state 0 and state n + 1 are terminal and episodes start in the
/// middle. Under the equiprobable policy the true value of inner state i is i / (n + 1).
public enum RandomWalk {
  /// The model with `innerStates` non-terminal states; action 0 moves left, 1 right.
  public static func mdp(innerStates: Int = 5) -> TabularMDP {
    let n = innerStates + 2
    let terminal = (0..<n).map { $0 == 0 || $0 == n - 1 }
    return TabularMDP(stateCount: n, actionCount: 2, isTerminal: terminal) { s, a in
      let next = a == 0 ? s - 1 : s + 1
      return [.init(probability: 1, nextState: next, reward: next == n - 1 ? 1 : 0)]
    }
  }

  /// A simulator that starts in the middle state.
  public static func environment(innerStates: Int = 5) -> TabularEnvironment {
    TabularEnvironment(mdp: mdp(innerStates: innerStates), start: (innerStates + 1) / 2)
  }

  /// The true values under the equiprobable policy: i / (n + 1) inside, 0 at the ends.
  public static func trueValues(innerStates: Int = 5) -> [Double] {
    var values = [Double](repeating: 0, count: innerStates + 2)
    for i in 1...innerStates { values[i] = Double(i) / Double(innerStates + 1) }
    return values
  }
}
