// Chapter 6: Dyna-Q
// The cells of chapters/06-dyna-q.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 06-dyna-q.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/06-dyna-q.md:52 ──")
let maze = DynaMaze.grid
let start = maze.start
let goal = maze.terminals.first!
var picture = (0..<maze.cellCount).map { maze.walls.contains($0) ? "█" : "·" }
picture[start] = "S"
picture[goal] = "G"
print(gridText(picture, columns: maze.columns))
var seed = SeededGenerator(seed: 0)
let optimal = valueIteration(maze.mdp(), discount: 0.95)
let optimalQ = actionValues(from: optimal.values, in: maze.mdp(), discount: 0.95)
let shortest = greedyEpisode(of: optimalQ, in: DynaMaze.environment(), using: &seed)
print("shortest path:", shortest.length, "steps")

print("── cell 2 · chapters/06-dyna-q.md:75 ──")
let runs = 30
let episodes = 50
var curves: [(n: Int, steps: [Double])] = []
var summary = Table([
  "planning n", "steps, ep. 1", "steps, ep. 2", "steps, ep. 11–50", "episodes until solved",
  "real steps until solved", "shortest at ep. 50",
])
for n in [0, 5, 10, 50] {
  var steps = [Double](repeating: 0, count: episodes)
  var solvedAt = [Double]()  // first episode after which the greedy policy reaches the goal
  var realSteps = [Double]()  // real environment steps taken by then
  var shortestAtEnd = 0
  for run in 0..<runs {
    var g = SeededGenerator(seed: UInt64(run))
    var env = DynaMaze.environment()
    var agent = DynaQLearner(planningSteps: n, stateCount: maze.cellCount, actionCount: 4)
    var stepsSoFar = 0
    var solved = false
    for e in 0..<episodes {
      let length = agent.runEpisode(in: &env, using: &g).length
      steps[e] += Double(length) / Double(runs)
      stepsSoFar += length
      let greedy = greedyEpisode(of: agent.q, in: env, maxSteps: 100, using: &g)
      if !solved && greedy.totalReward == 1 {
        solved = true
        solvedAt.append(Double(e + 1))
        realSteps.append(Double(stepsSoFar))
      }
      if e == episodes - 1 && greedy.length == shortest.length { shortestAtEnd += 1 }
    }
  }
  curves.append((n, steps))
  summary.append([
    "\(n)", fixed(steps[0], 0), fixed(steps[1], 0), fixed(mean(Array(steps[10...])), 1),
    "\(fixed(mean(solvedAt), 1)) (\(solvedAt.count) runs)", fixed(mean(realSteps), 0),
    "\(shortestAtEnd) / \(runs)",
  ])
}
print(summary)
var plot = LinePlot(
  title: "Dyna maze: steps per episode (30 runs)", xLabel: "episode", yLabel: "steps")
for (n, steps) in curves {
  plot.add("n = \(n)", x: (2...episodes).map(Double.init), y: Array(steps[1...]))
}
plot.addReferenceLine(y: 14, label: "shortest path")
plot.yRange = 0...800
display(plot)
