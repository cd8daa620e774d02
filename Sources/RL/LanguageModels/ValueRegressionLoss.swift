/// The critic's loss, ½·mean over response tokens of (V(sₜ) − Rₜ)², where V(sₜ) is the
/// scalar head at position t − 1 and Rₜ the GAE return target; with its gradient.
public func valueRegressionLoss(
  critic: TinyLM, rollouts: [PolicyRollout], targets: [[Double]], workspace ws: TinyLMWorkspace
) -> (loss: Double, gradient: [Double]) {
  var gradient = [Double](repeating: 0, count: critic.parameterCount)
  let zeros = [Double](repeating: 0, count: critic.config.contextLength)
  var scalarGradient = zeros
  let n = Double(rollouts.reduce(0) { $0 + $1.responseLength })
  var loss = 0.0
  for (rollout, target) in zip(rollouts, targets) {
    let tokens = rollout.sequence.tokens
    critic.forward(tokens: tokens, count: tokens.count, workspace: ws)
    for t in 0..<scalarGradient.count { scalarGradient[t] = 0 }
    for t in rollout.sequence.responseStart..<tokens.count {
      let error = ws.scalarOutput(at: t - 1) - target[t]
      loss += 0.5 * error * error / n
      scalarGradient[t - 1] = error / n
    }
    critic.backward(
      logProbGradient: zeros, scalarGradient: scalarGradient, into: &gradient, workspace: ws)
  }
  return (loss, gradient)
}
