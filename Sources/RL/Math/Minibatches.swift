/// The minibatch loop that PPO, TRPO's critic fit, RLHF-PPO and GRPO share: `epochs` passes
/// over a batch of `count` samples, each cut into `minibatchCount` minibatches, calling
/// `body(epoch, indices)` once per minibatch. The body computes the gradients, clips them and
/// takes the optimizer steps.
///
/// Each pass draws a fresh random order of the samples (one ``SeededGenerator/permutation(_:)``
/// per epoch, before the epoch's first minibatch) and slices it into runs of
/// `count / minibatchCount` indices; a remainder forms one last, smaller minibatch. With a
/// single minibatch there is nothing to shuffle: every pass sees the whole batch in order and
/// draws nothing from `generator`.
///
/// - Complexity: O(epochs · count) besides the body.
public func forEachMinibatch(
  of count: Int, minibatchCount: Int, epochs: Int, using generator: inout SeededGenerator,
  _ body: (_ epoch: Int, _ indices: [Int]) throws -> Void
) rethrows {
  precondition(minibatchCount >= 1 && minibatchCount <= max(count, 1), "bad minibatch count")
  let size = count / minibatchCount
  for epoch in 0..<epochs {
    if minibatchCount == 1 {
      try body(epoch, Array(0..<count))
      continue
    }
    let order = generator.permutation(count)
    for start in stride(from: 0, to: count, by: size) {
      try body(epoch, Array(order[start..<min(start + size, count)]))
    }
  }
}
