/// The undiscounted returns of `episodes` episodes of `policy` in an environment from `make`,
/// reset (and, unless `greedy`, acted in) with draws from `generator`.
///
/// With `greedy: true` the policy plays its most likely action; otherwise it samples, as it
/// did in training.
public func evaluateReturns<E: DiscreteControlEnvironment>(
  _ policy: CategoricalPolicy, episodes: Int, greedy: Bool = false,
  using generator: inout SeededGenerator, make: () -> E
) -> [Double] {
  var env = make()
  var returns: [Double] = []
  for _ in 0..<episodes {
    var observation = env.reset(using: &generator)
    var total = 0.0
    while true {
      let d = policy.distribution(observation)
      let s = env.step(greedy ? d.mode : d.sample(using: &generator))
      total += s.reward
      observation = s.observation
      if s.isDone { break }
    }
    returns.append(total)
  }
  return returns
}
