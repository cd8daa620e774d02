/// Generalized advantage estimates (Schulman et al., "High-Dimensional Continuous Control
/// Using Generalized Advantage Estimation", 2016) for one stream of transitions.
///
/// With TD errors δₜ = rₜ + γ·V(sₜ₊₁)·(1 − terminatedₜ) − V(sₜ), the estimate is
/// Âₜ = δₜ + γλ·(1 − doneₜ)·Âₜ₊₁, where `done` is `terminated || truncated`.
///
/// - `terminated` (a true end, such as falling over) cuts the bootstrap: V(sₜ₊₁) counts as 0.
/// - `truncated` (a time limit) keeps the bootstrap through `nextValues`, but stops the sum
///   from running into the next episode.
///
/// λ = 0 gives the TD errors; λ = 1 gives the discounted return minus V.
///
/// - Parameters:
///   - rewards: rₜ for each step.
///   - values: V(sₜ) for each step.
///   - nextValues: V(sₜ₊₁) for each step (the value of the state the step led to).
///   - terminated: whether step t ended the episode for real.
///   - truncated: whether step t was cut off by a time limit (or the end of the batch).
/// - Returns: the advantages Âₜ and the value targets Âₜ + V(sₜ).
/// - Complexity: O(n), one backward pass.
public func generalizedAdvantageEstimates(
  rewards: [Double], values: [Double], nextValues: [Double],
  terminated: [Bool], truncated: [Bool], discount gamma: Double, lambda: Double
) -> (advantages: [Double], returns: [Double]) {
  let n = rewards.count
  precondition(
    values.count == n && nextValues.count == n && terminated.count == n && truncated.count == n,
    "every input needs one entry per step")
  var advantages = [Double](repeating: 0, count: n)
  var running = 0.0
  for t in stride(from: n - 1, through: 0, by: -1) {
    let bootstrap = terminated[t] ? 0 : nextValues[t]
    let delta = rewards[t] + gamma * bootstrap - values[t]
    let continues = (terminated[t] || truncated[t]) ? 0.0 : 1.0
    running = delta + gamma * lambda * continues * running
    advantages[t] = running
  }
  let returns = zip(advantages, values).map { $0 + $1 }
  return (advantages, returns)
}
