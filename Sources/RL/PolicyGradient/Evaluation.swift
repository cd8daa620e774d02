/// The undiscounted returns of `episodes` episodes of `policy` in fresh copies of an
/// environment, reset from a generator seeded with `seed`.
///
/// With `greedy: true` the policy plays its most likely action; otherwise it samples, as it
/// did in training.
public func evaluateReturns<E: DiscreteControlEnvironment>(
  _ policy: CategoricalPolicy, episodes: Int, seed: UInt64, greedy: Bool = false,
  make: () -> E
) -> [Double] {
  var generator = SeededGenerator(seed: seed)
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
