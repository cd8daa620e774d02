/// A learning curve on a fixed grid of environment steps: at each grid point, the mean
/// return of the episodes that finished in the last `window` steps (or the previous point's
/// value if none did; 0 before the first episode).
///
/// Putting every run on the same grid lets curves from several seeds be averaged with
/// ``elementwiseMean(_:)``.
///
/// - Complexity: O(episodes + points).
public func learningCurve(
  _ episodes: [(step: Int, return: Double)], every interval: Int, upTo totalSteps: Int,
  window: Int? = nil
) -> (steps: [Double], returns: [Double]) {
  let window = window ?? interval
  var steps: [Double] = []
  var returns: [Double] = []
  var last = 0.0
  var first = 0
  var end = 0
  for point in stride(from: interval, through: totalSteps, by: interval) {
    while end < episodes.count && episodes[end].step <= point { end += 1 }
    while first < end && episodes[first].step <= point - window { first += 1 }
    if first < end {
      var total = 0.0
      for e in episodes[first..<end] { total += e.return }
      last = total / Double(end - first)
    }
    steps.append(Double(point))
    returns.append(last)
  }
  return (steps, returns)
}
