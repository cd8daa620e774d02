import Testing

@testable import RL

@Suite struct CartPoleTests {
  func replay(_ reference: CartPoleReference) {
    var env = CartPole()
    _ = env.reset(toState: reference.start)
    for (t, action) in reference.actions.enumerated() {
      let step = env.step(action)
      #expect(maxRelativeError(env.state, reference.states[t]) < 1e-9, "step \(t)")
      #expect(step.observation == reference.states[t].map { Double(Float($0)) })
      #expect(step.reward == reference.rewards[t])
      #expect(step.terminated == reference.terminated[t], "step \(t)")
      #expect(step.truncated == reference.truncated[t], "step \(t)")
    }
  }

  @Test func fallingTrajectoryMatchesGymnasium() {
    replay(cartPoleReferenceFalling)
    #expect(cartPoleReferenceFalling.terminated.last == true)
  }

  @Test func balancingTrajectoryMatchesGymnasiumUpToTruncation() {
    replay(cartPoleReferenceBalancing)
    #expect(cartPoleReferenceBalancing.actions.count == 500)
    #expect(cartPoleReferenceBalancing.truncated.last == true)
  }

  @Test func resetDrawsEachEntryFromTheSmallBox() {
    var env = CartPole()
    var g = SeededGenerator(seed: 1)
    for _ in 0..<200 {
      let s = env.reset(using: &g)
      #expect(s.allSatisfy { $0 >= -0.05 && $0 < 0.05 })
    }
  }

  @Test func theThresholdIsTwelveDegrees() {
    #expect(abs(CartPole.thetaThreshold - 0.20943951023931953) < 1e-16)
  }
}

@Suite struct ShortCorridorTests {
  @Test func actionsAreSwitchedInTheMiddleCell() {
    var env = ShortCorridor()
    var g = SeededGenerator(seed: 0)
    _ = env.reset(using: &g)
    _ = env.step(0)
    #expect(env.cell == 0)  // left at the wall stays put
    _ = env.step(1)
    #expect(env.cell == 1)
    _ = env.step(1)
    #expect(env.cell == 0)  // "right" goes left in cell 1
    _ = env.step(1)
    _ = env.step(0)
    #expect(env.cell == 2)
    let last = env.step(1)
    #expect(last.terminated && last.reward == -1)
  }

  @Test func closedFormValueMatchesMonteCarlo() {
    let p = 0.6
    var g = SeededGenerator(seed: 5)
    var env = ShortCorridor()
    var returns: [Double] = []
    for _ in 0..<20_000 {
      _ = env.reset(using: &g)
      var total = 0.0
      while true {
        let s = env.step(g.bernoulli(p) ? 1 : 0)
        total += s.reward
        if s.isDone { break }
      }
      returns.append(total)
    }
    let v = ShortCorridor.value(probabilityRight: p)
    #expect(abs(mean(returns) - v) < 4 * standardError(returns))
    #expect(abs(v - (-11.666666666666666)) < 1e-9)
  }

  @Test func optimumIsTwoMinusRootTwo() {
    let p = ShortCorridor.optimalProbabilityRight
    let h = 1e-5
    let slope =
      (ShortCorridor.value(probabilityRight: p + h) - ShortCorridor.value(probabilityRight: p - h))
      / (2 * h)
    #expect(abs(slope) < 1e-5)
    #expect(abs(ShortCorridor.value(probabilityRight: p) - (-11.656854249492381)) < 1e-9)
  }
}
