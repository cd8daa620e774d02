import CMatrixKernels
import Testing

@testable import RL

/// The kernels against the scalar loops their summaries promise, bit for bit, in both
/// versions (portable and, where the CPU has it, AVX2), for shapes that exercise every tail.
@Suite(.serialized) struct MatrixKernelTests {
  /// Shapes (rows, n, m): odd and even sizes, below and above every vector and block width.
  let shapes =
    [(1, 1, 1), (2, 3, 5), (3, 7, 9), (4, 8, 14), (5, 16, 16), (7, 32, 32), (9, 13, 33)]
    + [(12, 32, 64), (65, 17, 31), (130, 64, 128)]

  func values(_ count: Int, _ generator: inout SeededGenerator, zeros: Bool = false) -> [Double] {
    (0..<count).map { _ in
      zeros && generator.uniform() < 0.3 ? 0 : generator.normal() * 3
    }
  }

  /// Runs `body` once with the CPU's choice of kernels and once with the portable ones.
  func bothVersions<T>(_ body: () -> T) -> (chosen: T, portable: T) {
    rl_kernels_force_portable(0)
    let chosen = body()
    rl_kernels_force_portable(1)
    defer { rl_kernels_force_portable(0) }
    return (chosen, body())
  }

  @Test func multiplySumsEachEntryInOrderFromTheBias() {
    var g = SeededGenerator(seed: 1)
    for (rows, n, m) in shapes {
      let x = values(rows * n, &g)
      let w = values(n * m, &g)
      let b = values(m, &g)
      var expected = [Double](repeating: 0, count: rows * m)
      for r in 0..<rows {
        for j in 0..<m {
          var s = b[j]
          for i in 0..<n { s += x[r * n + i] * w[i * m + j] }
          expected[r * m + j] = s
        }
      }
      let (chosen, portable) = bothVersions {
        var y = [Double](repeating: .nan, count: rows * m)
        MatrixKernels.multiply(x, w, bias: b, into: &y, rows: rows, inner: n, columns: m)
        return y.map(\.bitPattern)
      }
      #expect(chosen == expected.map(\.bitPattern), "\(rows)×\(n)×\(m)")
      #expect(portable == chosen, "\(rows)×\(n)×\(m)")
    }
  }

  @Test(arguments: [2, 4])
  func transposedProductKeepsItsPartialSums(partials: Int) {
    var g = SeededGenerator(seed: 2)
    for (rows, n, m) in shapes {
      let dy = values(rows * m, &g)
      let w = values(n * m, &g)
      let start = values(rows * n, &g)
      var expected = start
      for r in 0..<rows {
        for i in 0..<n {
          var s = [0.0, 0.0, 0.0, 0.0]
          var j = 0
          while j + partials <= m {
            for p in 0..<partials { s[p] += w[i * m + j + p] * dy[r * m + j + p] }
            j += partials
          }
          while j < m {
            s[0] += w[i * m + j] * dy[r * m + j]
            j += 1
          }
          expected[r * n + i] += partials == 2 ? s[0] + s[1] : (s[0] + s[1]) + (s[2] + s[3])
        }
      }
      for useScratch in [false, true] {
        let (chosen, portable) = bothVersions {
          var dx = start
          var scratch = [Double](repeating: .nan, count: n * m)
          scratch.withUnsafeMutableBufferPointer { room in
            MatrixKernels.addMultiplyTransposed(
              dy, w, into: &dx, rows: rows, outer: n, inner: m, partials: Int32(partials),
              scratch: useScratch ? room.baseAddress : nil)
          }
          return dx.map(\.bitPattern)
        }
        #expect(chosen == expected.map(\.bitPattern), "\(rows)×\(n)×\(m), scratch \(useScratch)")
        #expect(portable == chosen, "\(rows)×\(n)×\(m), scratch \(useScratch)")
      }
    }
  }

  @Test func outerProductsAddRowsInOrderAndSkipZeros() {
    var g = SeededGenerator(seed: 3)
    for (rows, n, m) in shapes {
      let x = values(rows * n, &g, zeros: true)
      let dy = values(rows * m, &g)
      let start = values(n * m, &g)
      var expected = start
      for r in 0..<rows {
        for i in 0..<n where x[r * n + i] != 0 {
          for j in 0..<m { expected[i * m + j] += x[r * n + i] * dy[r * m + j] }
        }
      }
      let (chosen, portable) = bothVersions {
        var dw = start
        MatrixKernels.addOuterProducts(x, dy, into: &dw, rows: rows, inner: n, columns: m)
        return dw.map(\.bitPattern)
      }
      #expect(chosen == expected.map(\.bitPattern), "\(rows)×\(n)×\(m)")
      #expect(portable == chosen, "\(rows)×\(n)×\(m)")
    }
  }

  /// A whole SFT gradient of the book's model, with either version of the kernels.
  @Test func aTrainingGradientIsTheSameWithEitherVersion() {
    var g = SeededGenerator(seed: 4)
    let model = TinyLM(config: AdditionTask.modelConfig, using: &g)
    let batch = (0..<24).map { i in
      TrainingSequence(
        tokens: AdditionProblem(i % 10, (i / 3) % 10).prompt + [1, 2, Vocabulary.endOfSequence],
        responseStart: 4)
    }
    let (chosen, portable) = bothVersions {
      let ws = TinyLMWorkspace(config: model.config)
      return maskedCrossEntropy(model: model, batch: batch, workspace: ws).gradient.map(
        \.bitPattern)
    }
    #expect(chosen == portable)
  }
}
