/// What every policy-gradient trainer returns: the trained networks, the return of every
/// training episode, and a log of each update (for the methods that keep one).
public struct PolicyGradientRun: Sendable {
  /// The trained policy.
  public var policy: CategoricalPolicy
  /// The trained critic or baseline, if the method has one.
  public var value: ValueNetwork?
  /// (environment steps so far, return) for every training episode, in order.
  public var episodes: [(step: Int, return: Double)] = []
  /// One entry per update of TRPO and PPO; empty for REINFORCE, actor-critic and A2C.
  public var updates: [PolicyGradientUpdate] = []
}

/// What one policy update did, measured on the batch it learned from. A field that does not
/// apply to the method is 0.
public struct PolicyGradientUpdate: Sendable {
  /// Environment steps so far, after the update's batch.
  public var step: Int
  /// The mean KL(π_old ‖ π_new) between the policies before and after the update: the
  /// approx-KL estimate for PPO, the exact value for TRPO (0 if TRPO rejected the step).
  public var kl = 0.0
  /// The mean entropy of the policy on the batch, before the update.
  public var entropy = 0.0
  /// The fraction of samples whose ratio left [1 − ε, 1 + ε] in the last epoch (PPO-clip).
  public var clipFraction = 0.0
  /// The KL penalty coefficient β used in this update (PPO-penalty).
  public var beta = 0.0
  /// The improvement of the surrogate objective achieved by the step (TRPO).
  public var surrogateImprovement = 0.0
  /// The fraction of the full natural step that the line search accepted (TRPO; 0: rejected).
  public var stepFraction = 0.0
}
