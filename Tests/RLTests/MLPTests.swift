import Testing

@testable import RL

@Suite struct MLPTests {
  /// L = Σ cᵢ·outputᵢ for fixed random c: its gradient exercises every path of backward.
  func checkBackward(_ activation: Activation, sizes: [Int], batch: Int) {
    var g = SeededGenerator(seed: 7)
    let net = MLP(sizes: sizes, activation: activation, using: &g)
    let x = normals(batch * sizes[0], &g)
    let c = normals(batch * sizes.last!, &g)
    func loss(_ p: [Double]) -> Double {
      var n = net
      n.parameters = p
      return zip(n.forward(x, batch: batch).output, c).reduce(0) { $0 + $1.0 * $1.1 }
    }
    var analytic = [Double](repeating: 0, count: net.parameterCount)
    net.backward(net.forward(x, batch: batch), outputGradient: c, into: &analytic)
    let numeric = numericalGradient(net.parameters, loss)
    #expect(maxRelativeError(analytic, numeric) < 1e-7)
  }

  @Test func tanhGradientMatchesFiniteDifferences() {
    checkBackward(.tanh, sizes: [3, 5, 4, 2], batch: 3)
  }

  @Test func reluGradientMatchesFiniteDifferences() {
    checkBackward(.relu, sizes: [3, 6, 2], batch: 2)
  }

  @Test func linearLayerGradientMatchesFiniteDifferences() {
    checkBackward(.identity, sizes: [4, 3], batch: 4)
  }

  @Test func backwardAccumulatesIntoTheGradient() {
    var g = SeededGenerator(seed: 1)
    let net = MLP(sizes: [2, 3, 1], using: &g)
    let tape = net.forward([0.3, -0.2], batch: 1)
    var once = [Double](repeating: 0, count: net.parameterCount)
    net.backward(tape, outputGradient: [1], into: &once)
    var twice = once
    net.backward(tape, outputGradient: [1], into: &twice)
    #expect(maxRelativeError(twice, once.map { 2 * $0 }) < 1e-15)
  }

  @Test func batchRowsAreIndependent() {
    var g = SeededGenerator(seed: 2)
    let net = MLP(sizes: [3, 8, 2], using: &g)
    let a = normals(3, &g)
    let b = normals(3, &g)
    let both = net.forward(a + b, batch: 2).output
    #expect(both == net(a) + net(b))
  }

  @Test func jacobianVectorProductMatchesFiniteDifferences() {
    var g = SeededGenerator(seed: 3)
    let net = MLP(sizes: [3, 5, 5, 2], activation: .tanh, using: &g)
    let x = normals(6, &g)
    let v = normals(net.parameterCount, &g)
    let jv = net.jacobianVectorProduct(net.forward(x, batch: 2), parameterTangent: v)
    let eps = 1e-6
    var plus = net
    var minus = net
    for i in v.indices {
      plus.parameters[i] += eps * v[i]
      minus.parameters[i] -= eps * v[i]
    }
    let yPlus = plus.forward(x, batch: 2).output
    let yMinus = minus.forward(x, batch: 2).output
    let numeric = zip(yPlus, yMinus).map { ($0 - $1) / (2 * eps) }
    #expect(maxRelativeError(jv, numeric) < 1e-7)
  }

  @Test func outputGainScalesTheInitialOutput() {
    var g1 = SeededGenerator(seed: 4)
    var g2 = SeededGenerator(seed: 4)
    let small = MLP(sizes: [4, 16, 2], outputGain: 0.01, using: &g1)
    let big = MLP(sizes: [4, 16, 2], outputGain: 1, using: &g2)
    let x = [0.1, 0.2, -0.3, 0.4]
    #expect(maxRelativeError(small(x).map { $0 * 100 }, big(x)) < 1e-12)
  }

  @Test func valueNetworkLossGradientMatchesFiniteDifferences() {
    var g = SeededGenerator(seed: 5)
    let v = ValueNetwork(inputSize: 2, hidden: [4], using: &g)
    let x = normals(6, &g)
    let targets = [1.0, -0.5, 2.0]
    let analytic = v.squaredErrorLoss(observations: x, targets: targets).gradient
    let numeric = numericalGradient(v.network.parameters) { p in
      var w = v
      w.network.parameters = p
      return w.squaredErrorLoss(observations: x, targets: targets).loss
    }
    #expect(maxRelativeError(analytic, numeric) < 1e-7)
  }
}
