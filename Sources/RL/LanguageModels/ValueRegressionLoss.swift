/// The critic's loss, ½·mean over response tokens of (V(sₜ) − Rₜ)², where V(sₜ) is the
/// scalar head at position t − 1 and Rₜ the GAE return target; with its gradient.
public func valueRegressionLoss(
  critic: TinyLM, rollouts: [PolicyRollout], targets: [[Double]], workspace ws: TinyLMWorkspace
) -> (loss: Double, gradient: [Double]) {
  var gradient = [Double](repeating: 0, count: critic.parameterCount)
  let starts = critic.forward(batch: rollouts.map(\.sequence.tokens), workspace: ws)
  let zeros = [Double](repeating: 0, count: starts.last!)
  var scalarGradient = zeros
  let n = Double(rollouts.reduce(0) { $0 + $1.responseLength })
  var loss = 0.0
  for (k, (rollout, target)) in zip(rollouts, targets).enumerated() {
    let row = starts[k]
    for t in rollout.sequence.responseStart..<rollout.sequence.tokens.count {
      let error = ws.scalarOutput(at: row + t - 1) - target[t]
      loss += 0.5 * error * error / n
      scalarGradient[row + t - 1] = error / n
    }
  }
  critic.backwardRows(
    logProbGradient: zeros, scalarGradient: scalarGradient, into: &gradient, workspace: ws)
  return (loss, gradient)
}
