import Foundation

extension TinyLM {
  /// Adds to `gradient` the gradient of a loss that depends on the model through the
  /// per-token log-probabilities and scalar-head outputs of the sequence last run forward in
  /// `workspace`.
  ///
  /// - Parameters:
  ///   - logProbGradient: entry `t` (for `t` in `1..<length`) is ∂loss/∂ log p(tokenₜ |
  ///     tokens before t); entry 0 is ignored. Use zeros for prompt tokens.
  ///   - scalarGradient: entry `t` is ∂loss/∂(scalar head at position t), or `nil`.
  ///   - gradient: a buffer of ``parameterCount`` entries that the gradient is added to.
  ///
  /// Through the log-softmax, ∂ log pₜ/∂ logits = onehot(tokenₜ) − softmax(logits), so the
  /// LM head receives `g·(onehot − p)` at each position; everything below is ordinary
  /// reverse-mode differentiation of the forward pass.
  ///
  /// - Complexity: about twice the forward pass.
  public func backward(
    logProbGradient: [Double], scalarGradient: [Double]?, into gradient: inout [Double],
    workspace ws: TinyLMWorkspace
  ) {
    let n = ws.length
    precondition(logProbGradient.count >= n, "one log-prob gradient per position")
    precondition(scalarGradient.map { $0.count >= n } ?? true, "one scalar gradient per position")
    precondition(gradient.count == parameters.count, "gradient buffer size")
    backwardRows(
      logProbGradient: logProbGradient, scalarGradient: scalarGradient, into: &gradient,
      workspace: ws)
  }

  /// The backward pass over every row the workspace holds (one sequence, or a packed batch
  /// from ``forward(batch:workspace:)``): `logProbGradient[r]` is ∂loss/∂ log p(token of row r
  /// | the rows before it in its sequence), ignored at a sequence's first row, and
  /// `scalarGradient[r]` is ∂loss/∂(scalar head at row r).
  ///
  /// Each weight's gradient is accumulated over rows in ascending order: a packed batch gives
  /// the same bits as one backward pass per sequence, in order.
  func backwardRows(
    logProbGradient: [Double], scalarGradient: [Double]?, into gradient: inout [Double],
    workspace ws: TinyLMWorkspace
  ) {
    parameters.withUnsafeBufferPointer { buffer in
      gradient.withUnsafeMutableBufferPointer { gradientBuffer in
        backward(
          parameters: buffer.baseAddress!, gradient: gradientBuffer.baseAddress!,
          logProbGradient: logProbGradient, scalarGradient: scalarGradient, workspace: ws)
      }
    }
  }

  private func backward(
    parameters p: UnsafePointer<Double>, gradient g: UnsafeMutablePointer<Double>,
    logProbGradient: [Double], scalarGradient: [Double]?, workspace ws: TinyLMWorkspace
  ) {
    let n = ws.length
    let b = ws.buffers
    let rowsHeld = ws.rows
    let capacity = rowsHeld.capacity
    let d = config.modelWidth
    let m = config.mlpWidth
    let heads = config.headCount
    let hw = config.headWidth
    let context = config.contextLength
    let vocabulary = config.vocabularySize
    let scale = 1 / Double(hw).squareRoot()
    let dx = b.dResidual
    dx.update(repeating: 0, count: n * d)
    let hidden = b.residual + config.layerCount * capacity * d
    // The scalar head.
    if let scalarGradient {
      for t in 0..<n where scalarGradient[t] != 0 {
        let s = scalarGradient[t]
        MatrixKernels.axpy(s, p + layout.scalarHead, dx + t * d, d)
        MatrixKernels.axpy(s, hidden + t * d, g + layout.scalarHead, d)
        g[layout.scalarHeadBias] += s
      }
    }
    // The LM head, for the rows whose next token (in the same sequence) has a gradient.
    var rows = 0
    for t in 0..<max(n - 1, 0) where rowsHeld.sequenceStart[t + 1] == rowsHeld.sequenceStart[t] {
      let c = logProbGradient[t + 1]
      if c == 0 { continue }
      let z = b.logits + t * vocabulary
      let lse = b.logNormalizer[t]
      let dz = b.dLogits + rows * vocabulary
      for v in 0..<vocabulary { dz[v] = -c * Foundation.exp(z[v] - lse) }
      dz[rowsHeld.tokens[t + 1]] += c
      (b.packedHidden + rows * d).update(from: hidden + t * d, count: d)
      MatrixKernels.addMultiplyTransposed(
        dz, p + layout.head, into: dx + t * d, rows: 1, outer: d, inner: vocabulary)
      rows += 1
    }
    MatrixKernels.addOuterProducts(
      b.packedHidden, b.dLogits, into: g + layout.head, rows: rows, inner: d,
      columns: vocabulary)
    MatrixKernels.addRows(b.dLogits, into: g + layout.headBias, rows: rows, columns: vocabulary)
    // Blocks, last to first. `dx` holds ∂loss/∂(block output) at every row.
    for l in stride(from: config.layerCount - 1, through: 0, by: -1) {
      let block = layout.blocks[l]
      let slab = l * capacity * d
      let act = b.activation + l * capacity * m
      let pre = b.preActivation + l * capacity * m
      let mid = b.middle + slab
      let dMid = b.dMiddle
      // The MLP; the residual passes dx straight through to dMid.
      MatrixKernels.addOuterProducts(act, dx, into: g + block.mlpOut, rows: n, inner: m, columns: d)
      MatrixKernels.addRows(dx, into: g + block.mlpOutBias, rows: n, columns: d)
      b.dAct.update(repeating: 0, count: n * m)
      MatrixKernels.addMultiplyTransposed(
        dx, p + block.mlpOut, into: b.dAct, rows: n, outer: m, inner: d, scratch: b.transposed)
      for i in 0..<(n * m) { b.dPre[i] = pre[i] > 0 ? b.dAct[i] : 0 }
      MatrixKernels.addOuterProducts(
        mid, b.dPre, into: g + block.mlpIn, rows: n, inner: d, columns: m)
      MatrixKernels.addRows(b.dPre, into: g + block.mlpInBias, rows: n, columns: m)
      dMid.update(from: dx, count: n * d)
      MatrixKernels.addMultiplyTransposed(
        b.dPre, p + block.mlpIn, into: dMid, rows: n, outer: d, inner: m, scratch: b.transposed)
      // The attention output projection; the residual passes dMid straight to the input.
      let dO = b.dAttended
      MatrixKernels.addOuterProducts(
        b.attended + slab, dMid, into: g + block.output, rows: n, inner: d, columns: d)
      dO.update(repeating: 0, count: n * d)
      MatrixKernels.addMultiplyTransposed(
        dMid, p + block.output, into: dO, rows: n, outer: d, inner: d, scratch: b.transposed)
      dx.update(from: dMid, count: n * d)
      // Scaled dot-product attention, within each row's sequence.
      b.dQuery.update(repeating: 0, count: n * d)
      b.dKey.update(repeating: 0, count: n * d)
      b.dValue.update(repeating: 0, count: n * d)
      let q = b.query + slab
      let k = b.key + slab
      let v = b.value + slab
      for h in 0..<heads {
        let off = h * hw
        for t in 0..<n {
          let start = rowsHeld.sequenceStart[t]
          let a = b.attention + ((l * heads + h) * capacity + t) * context
          let dOt = dO + t * d + off
          let dA = b.dScores
          var weighted = 0.0
          for j in 0...(t - start) {
            dA[j] = MatrixKernels.dot(dOt, v + (start + j) * d + off, hw)
            weighted += a[j] * dA[j]
          }
          for j in 0...(t - start) {
            let key = start + j
            MatrixKernels.axpy(a[j], dOt, b.dValue + key * d + off, hw)
            let dS = a[j] * (dA[j] - weighted) * scale
            if dS == 0 { continue }
            MatrixKernels.axpy(dS, k + key * d + off, b.dQuery + t * d + off, hw)
            MatrixKernels.axpy(dS, q + t * d + off, b.dKey + key * d + off, hw)
          }
        }
      }
      let x = b.residual + slab
      MatrixKernels.addOuterProducts(
        x, b.dQuery, into: g + block.query, rows: n, inner: d, columns: d)
      MatrixKernels.addOuterProducts(x, b.dKey, into: g + block.key, rows: n, inner: d, columns: d)
      MatrixKernels.addOuterProducts(
        x, b.dValue, into: g + block.value, rows: n, inner: d, columns: d)
      // Each entry of dx adds its query, key and value terms in that order, as one position
      // at a time would.
      MatrixKernels.addMultiplyTransposed(
        b.dQuery, p + block.query, into: dx, rows: n, outer: d, inner: d, scratch: b.transposed)
      MatrixKernels.addMultiplyTransposed(
        b.dKey, p + block.key, into: dx, rows: n, outer: d, inner: d, scratch: b.transposed)
      MatrixKernels.addMultiplyTransposed(
        b.dValue, p + block.value, into: dx, rows: n, outer: d, inner: d, scratch: b.transposed)
    }
    // Embeddings.
    for t in 0..<n {
      let token = rowsHeld.tokens[t]
      let position = rowsHeld.position[t]
      MatrixKernels.axpy(1, dx + t * d, g + layout.tokenEmbedding + token * d, d)
      MatrixKernels.axpy(1, dx + t * d, g + layout.positionEmbedding + position * d, d)
    }
  }
}
