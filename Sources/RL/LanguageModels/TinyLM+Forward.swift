import Foundation

extension TinyLM {
  /// Runs the model on `tokens[0..<count]` (teacher forcing), leaving every activation,
  /// logit and scalar output in `workspace`.
  ///
  /// All positions go through each weight matrix together, as one matrix product; the result
  /// is the same, bit for bit, as feeding the tokens one at a time.
  ///
  /// - Complexity: O(count · (L·(d² + d·m) + d·V) + L·count²·d).
  public func forward(tokens: [Int], count: Int, workspace ws: TinyLMWorkspace) {
    precondition(count <= config.contextLength && count <= tokens.count, "sequence too long")
    precondition(ws.config == config, "workspace made for another shape")
    ws.holdOneSequence(tokens, count: count)
    ws.length = count
    forwardRows(0..<count, workspace: ws)
  }

  /// Appends one token at position `position` (which must equal `workspace.length`),
  /// reusing the cached activations of the earlier positions. This is the key–value cache
  /// that makes sampling cost O(1) forward passes per token.
  public func forward(token: Int, position t: Int, workspace ws: TinyLMWorkspace) {
    precondition(ws.config == config, "workspace made for another shape")
    precondition(t == ws.length && t < config.contextLength, "positions must be appended in order")
    ws.rows.set(t, token: token, sequenceStart: 0, position: t)
    ws.length = t + 1
    forwardRows(t..<(t + 1), workspace: ws)
  }

  /// Runs the sequences of `batch` packed one after another (teacher forcing): sequence k
  /// occupies the rows from `starts[k]`. Every weight matrix multiplies all the rows at once.
  /// Returns the first row of each sequence (and, last, the total).
  func forward(batch: [[Int]], workspace ws: TinyLMWorkspace) -> [Int] {
    precondition(ws.config == config, "workspace made for another shape")
    var starts = [0]
    starts.reserveCapacity(batch.count + 1)
    for sequence in batch {
      precondition(!sequence.isEmpty, "an empty sequence has nothing to run")
      precondition(sequence.count <= config.contextLength, "sequence too long")
      starts.append(starts.last! + sequence.count)
    }
    let total = starts.last!
    ws.reserve(rows: total)
    for (k, sequence) in batch.enumerated() {
      for (t, token) in sequence.enumerated() {
        ws.rows.set(starts[k] + t, token: token, sequenceStart: starts[k], position: t)
      }
    }
    ws.length = total
    forwardRows(0..<total, workspace: ws)
    return starts
  }

  /// Runs rows `range`, whose tokens and places are already in `ws.rows`; each row attends to
  /// the rows of its sequence up to itself (earlier ones cached by an earlier call).
  private func forwardRows(_ range: Range<Int>, workspace ws: TinyLMWorkspace) {
    guard !range.isEmpty else { return }
    let b = ws.buffers
    let layout = self.layout
    let rowsHeld = ws.rows
    let first = range.lowerBound
    let rows = range.count
    let capacity = rowsHeld.capacity
    let d = config.modelWidth
    let m = config.mlpWidth
    let heads = config.headCount
    let hw = config.headWidth
    let context = config.contextLength
    let vocabulary = config.vocabularySize
    let scale = 1 / Double(hw).squareRoot()
    parameters.withUnsafeBufferPointer { buffer in
      let p = buffer.baseAddress!
      for r in range {
        let x0 = b.residual + r * d
        let e = p + layout.tokenEmbedding + rowsHeld.tokens[r] * d
        let pos = p + layout.positionEmbedding + rowsHeld.position[r] * d
        for i in 0..<d { x0[i] = e[i] + pos[i] }
      }
      for l in 0..<config.layerCount {
        let block = layout.blocks[l]
        let slab = l * capacity * d
        let row = slab + first * d
        let x = b.residual + row
        MatrixKernels.multiply(
          x, p + block.query, bias: nil, into: b.query + row, rows: rows, inner: d, columns: d)
        MatrixKernels.multiply(
          x, p + block.key, bias: nil, into: b.key + row, rows: rows, inner: d, columns: d)
        MatrixKernels.multiply(
          x, p + block.value, bias: nil, into: b.value + row, rows: rows, inner: d, columns: d)
        let keys = b.key + slab
        let values = b.value + slab
        for r in range {
          let start = rowsHeld.sequenceStart[r]
          let q = b.query + slab + r * d
          let o = b.attended + slab + r * d
          o.update(repeating: 0, count: d)
          for h in 0..<heads {
            let a = b.attention + ((l * heads + h) * capacity + r) * context
            var largest = -Double.infinity
            for j in start...r {
              let s = scale * MatrixKernels.dot(q + h * hw, keys + j * d + h * hw, hw)
              a[j - start] = s
              largest = max(largest, s)
            }
            var total = 0.0
            for j in 0...(r - start) {
              a[j] = Foundation.exp(a[j] - largest)
              total += a[j]
            }
            for j in 0...(r - start) {
              a[j] /= total
              MatrixKernels.axpy(a[j], values + (start + j) * d + h * hw, o + h * hw, hw)
            }
          }
        }
        let mid = b.middle + row
        MatrixKernels.multiply(
          b.attended + row, p + block.output, bias: nil, into: mid, rows: rows, inner: d,
          columns: d)
        for i in 0..<(rows * d) { mid[i] += x[i] }
        let pre = b.preActivation + (l * capacity + first) * m
        let act = b.activation + (l * capacity + first) * m
        MatrixKernels.multiply(
          mid, p + block.mlpIn, bias: p + block.mlpInBias, into: pre, rows: rows, inner: d,
          columns: m)
        for i in 0..<(rows * m) { act[i] = max(pre[i], 0) }
        let next = b.residual + row + capacity * d
        MatrixKernels.multiply(
          act, p + block.mlpOut, bias: p + block.mlpOutBias, into: next, rows: rows, inner: m,
          columns: d)
        for i in 0..<(rows * d) { next[i] += mid[i] }
      }
      let hidden = b.residual + (config.layerCount * capacity + first) * d
      let logits = b.logits + first * vocabulary
      MatrixKernels.multiply(
        hidden, p + layout.head, bias: p + layout.headBias, into: logits, rows: rows, inner: d,
        columns: vocabulary)
      for r in 0..<rows {
        let z = logits + r * vocabulary
        var largest = -Double.infinity
        for v in 0..<vocabulary { largest = max(largest, z[v]) }
        var total = 0.0
        for v in 0..<vocabulary { total += Foundation.exp(z[v] - largest) }
        b.logNormalizer[first + r] = largest + Foundation.log(total)
        b.scalar[first + r] =
          MatrixKernels.dot(hidden + r * d, p + layout.scalarHead, d) + p[layout.scalarHeadBias]
      }
    }
  }
}
