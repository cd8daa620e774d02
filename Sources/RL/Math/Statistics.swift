/// The arithmetic mean; zero for an empty array.
@inlinable
public func mean(_ x: [Double]) -> Double {
  x.isEmpty ? 0 : x.reduce(0, +) / Double(x.count)
}

/// The variance, dividing by n (population) or by n − 1 (`unbiased: true`).
@inlinable
public func variance(_ x: [Double], unbiased: Bool = false) -> Double {
  let n = x.count
  guard n > (unbiased ? 1 : 0) else { return 0 }
  let m = mean(x)
  var total = 0.0
  for v in x { total += (v - m) * (v - m) }
  return total / Double(unbiased ? n - 1 : n)
}

/// The standard deviation, dividing by n (population) or by n − 1 (`unbiased: true`).
@inlinable
public func standardDeviation(_ x: [Double], unbiased: Bool = false) -> Double {
  variance(x, unbiased: unbiased).squareRoot()
}

/// The standard error of the mean, s / √n, with the unbiased sample deviation s.
@inlinable
public func standardError(_ x: [Double]) -> Double {
  x.count < 2 ? 0 : standardDeviation(x, unbiased: true) / Double(x.count).squareRoot()
}

/// The element-wise mean of several equally long series (for example learning curves
/// from several seeds).
public func elementwiseMean(_ series: [[Double]]) -> [Double] {
  guard let first = series.first else { return [] }
  var total = [Double](repeating: 0, count: first.count)
  for s in series {
    precondition(s.count == first.count, "series must have equal lengths")
    for i in s.indices { total[i] += s[i] }
  }
  return total.map { $0 / Double(series.count) }
}

/// The element-wise standard error across several equally long series (the band around
/// an ``elementwiseMean(_:)`` curve).
public func elementwiseStandardError(_ series: [[Double]]) -> [Double] {
  guard let first = series.first else { return [] }
  return (0..<first.count).map { i in standardError(series.map { $0[i] }) }
}

/// A trailing moving average over `window` points (shorter at the start).
public func movingAverage(_ x: [Double], window: Int) -> [Double] {
  precondition(window > 0, "window must be positive")
  var out = [Double]()
  out.reserveCapacity(x.count)
  var total = 0.0
  for i in x.indices {
    total += x[i]
    if i >= window { total -= x[i - window] }
    out.append(total / Double(min(i + 1, window)))
  }
  return out
}
