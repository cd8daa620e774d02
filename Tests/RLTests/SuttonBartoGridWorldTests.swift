import Testing

@testable import RL

/// Sutton & Barto's 4 × 4 grid (Example 4.1): corners terminal, −1 a step, γ = 1.
func exampleFourOneGrid() -> GridWorld {
  var grid = GridWorld(rows: 4, columns: 4)
  grid.terminals = [0, 15]
  return grid
}

/// Sutton & Barto's 5 × 5 grid (Example 3.5): −1 for bumping, A → A′ +10, B → B′ +5.
func exampleThreeFiveGrid() -> GridWorld {
  var grid = GridWorld(rows: 5, columns: 5)
  grid.stepReward = 0
  grid.bumpReward = -1
  grid.jumps[grid.cell(0, 1)] = (grid.cell(4, 1), 10)
  grid.jumps[grid.cell(0, 3)] = (grid.cell(2, 3), 5)
  return grid
}

func rounded(_ values: [Double], _ digits: Int) -> [String] { values.map { fixed($0, digits) } }

@Suite("Sutton & Barto grid worlds")
struct SuttonBartoGridWorldTests {
  @Test("Example 4.1: v of the random policy, converged, to the printed precision")
  func exampleFourOneConverged() {
    let mdp = exampleFourOneGrid().mdp()
    let policy = TabularPolicy.uniform(stateCount: 16, actionCount: 4)
    let result = evaluatePolicy(policy, in: mdp, discount: 1, threshold: 1e-12)
    let expected: [Double] = [
      0, -14, -20, -22, -14, -18, -20, -20, -20, -20, -18, -14, -22, -20, -14, 0,
    ]
    #expect(rounded(result.values, 0) == rounded(expected, 0))
    #expect(result.sweeps > 3)
  }

  @Test("Example 4.1 / Figure 4.1: synchronous sweeps k = 1, 2, 3")
  func figureFourOneSweeps() {
    let mdp = exampleFourOneGrid().mdp()
    let policy = TabularPolicy.uniform(stateCount: 16, actionCount: 4)
    func sweep(_ k: Int, digits: Int = 1) -> [String] {
      rounded(
        evaluatePolicy(policy, in: mdp, discount: 1, threshold: 0, maxSweeps: k, inPlace: false)
          .values, digits)
    }
    #expect(sweep(1) == rounded([0] + Array(repeating: -1, count: 14) + [0], 1))
    // The book prints −1.7 for the exact −1.75 (it truncates), so compare to the exact values.
    let k2: [Double] = [
      0, -1.75, -2, -2, -1.75, -2, -2, -2, -2, -2, -2, -1.75, -2, -2, -1.75, 0,
    ]
    #expect(sweep(2, digits: 2) == rounded(k2, 2))
    let k3: [Double] = [
      0, -2.4, -2.9, -3.0, -2.4, -2.9, -3.0, -2.9, -2.9, -3.0, -2.9, -2.4, -3.0, -2.9, -2.4, 0,
    ]
    #expect(sweep(3) == rounded(k3, 1))
  }

  @Test("Figure 3.2: v of the random policy on the 5 × 5 grid, γ = 0.9")
  func figureThreeTwo() {
    let mdp = exampleThreeFiveGrid().mdp()
    let policy = TabularPolicy.uniform(stateCount: 25, actionCount: 4)
    let values = evaluatePolicy(policy, in: mdp, discount: 0.9).values
    let expected: [Double] = [
      3.3, 8.8, 4.4, 5.3, 1.5,
      1.5, 3.0, 2.3, 1.9, 0.5,
      0.1, 0.7, 0.7, 0.4, -0.4,
      -1.0, -0.4, -0.4, -0.6, -1.2,
      -1.9, -1.3, -1.2, -1.4, -2.0,
    ]
    #expect(rounded(values, 1) == rounded(expected, 1))
  }

  @Test("Figure 3.5: v* and π* on the 5 × 5 grid, γ = 0.9")
  func figureThreeFive() {
    let grid = exampleThreeFiveGrid()
    let mdp = grid.mdp()
    let result = valueIteration(mdp, discount: 0.9, threshold: 1e-12)
    let expected: [Double] = [
      22.0, 24.4, 22.0, 19.4, 17.5,
      19.8, 22.0, 19.8, 17.8, 16.0,
      17.8, 19.8, 17.8, 16.0, 14.4,
      16.0, 17.8, 16.0, 14.4, 13.0,
      14.4, 16.0, 14.4, 13.0, 11.7,
    ]
    #expect(rounded(result.values, 1) == rounded(expected, 1))
    let arrows = grid.policyGrid(
      actionSets: greedyActionSets(
        values: result.values, in: mdp, discount: 0.9))
    let expectedArrows = [
      "   →  ↑→↓←     ←  ↑→↓←     ←",
      "  ↑→     ↑    ↑←     ←     ←",
      "  ↑→     ↑    ↑←    ↑←    ↑←",
      "  ↑→     ↑    ↑←    ↑←    ↑←",
      "  ↑→     ↑    ↑←    ↑←    ↑←",
    ].joined(separator: "\n")
    #expect(arrows == expectedArrows)
  }
}
