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
    let d = config.modelWidth
    let m = config.mlpWidth
    let heads = config.headCount
    let hw = config.headWidth
    let context = config.contextLength
    let vocabulary = config.vocabularySize
    let scale = 1 / Double(hw).squareRoot()
    parameters.withUnsafeBufferPointer { buffer in
      gradient.withUnsafeMutableBufferPointer { gradientBuffer in
        let p = buffer.baseAddress!
        let g = gradientBuffer.baseAddress!
        let dx = ws.dResidual
        dx.update(repeating: 0, count: n * d)
        let hidden = ws.residual + config.layerCount * context * d
        // Heads.
        for t in 0..<n {
          let h = hidden + t * d
          if let scalarGradient, scalarGradient[t] != 0 {
            let s = scalarGradient[t]
            DenseKernels.axpy(s, p + layout.scalarHead, dx + t * d, d)
            DenseKernels.axpy(s, h, g + layout.scalarHead, d)
            g[layout.scalarHeadBias] += s
          }
          guard t + 1 < n else { continue }
          let c = logProbGradient[t + 1]
          if c == 0 { continue }
          let z = ws.logits + t * vocabulary
          let lse = ws.logNormalizer[t]
          let dz = ws.dLogits
          for v in 0..<vocabulary { dz[v] = -c * Foundation.exp(z[v] - lse) }
          dz[ws.tokens[t + 1]] += c
          DenseKernels.addOuter(h, dz, g + layout.head, d, vocabulary)
          DenseKernels.axpy(1, dz, g + layout.headBias, vocabulary)
          DenseKernels.addTransposed(dz, p + layout.head, dx + t * d, d, vocabulary)
        }
        // Blocks, last to first. `dx` holds ∂loss/∂(block output) at every position.
        for l in stride(from: config.layerCount - 1, through: 0, by: -1) {
          let block = layout.blocks[l]
          let slab = l * context * d
          let dMid = ws.dMiddle
          for t in 0..<n {
            let dOut = dx + t * d
            let act = ws.activation + (l * context + t) * m
            let pre = ws.preActivation + (l * context + t) * m
            let mid = ws.middle + slab + t * d
            DenseKernels.addOuter(act, dOut, g + block.mlpOut, m, d)
            DenseKernels.axpy(1, dOut, g + block.mlpOutBias, d)
            ws.dAct.update(repeating: 0, count: m)
            DenseKernels.addTransposed(dOut, p + block.mlpOut, ws.dAct, m, d)
            for i in 0..<m { ws.dPre[i] = pre[i] > 0 ? ws.dAct[i] : 0 }
            DenseKernels.addOuter(mid, ws.dPre, g + block.mlpIn, d, m)
            DenseKernels.axpy(1, ws.dPre, g + block.mlpInBias, m)
            (dMid + t * d).update(from: dOut, count: d)
            DenseKernels.addTransposed(ws.dPre, p + block.mlpIn, dMid + t * d, d, m)
          }
          // Attention output projection; the residual passes dMid straight to the input.
          let dO = ws.dAttended
          dO.update(repeating: 0, count: n * d)
          for t in 0..<n {
            DenseKernels.addOuter(ws.attended + slab + t * d, dMid + t * d, g + block.output, d, d)
            DenseKernels.addTransposed(dMid + t * d, p + block.output, dO + t * d, d, d)
          }
          dx.update(from: dMid, count: n * d)
          // Scaled dot-product attention.
          ws.dQuery.update(repeating: 0, count: n * d)
          ws.dKey.update(repeating: 0, count: n * d)
          ws.dValue.update(repeating: 0, count: n * d)
          let q = ws.query + slab
          let k = ws.key + slab
          let v = ws.value + slab
          for h in 0..<heads {
            let off = h * hw
            for t in 0..<n {
              let a = ws.attention + ((l * heads + h) * context + t) * context
              let dOt = dO + t * d + off
              let dA = ws.dScores
              var weighted = 0.0
              for j in 0...t {
                dA[j] = DenseKernels.dot(dOt, v + j * d + off, hw)
                weighted += a[j] * dA[j]
              }
              for j in 0...t {
                DenseKernels.axpy(a[j], dOt, ws.dValue + j * d + off, hw)
                let dS = a[j] * (dA[j] - weighted) * scale
                if dS == 0 { continue }
                DenseKernels.axpy(dS, k + j * d + off, ws.dQuery + t * d + off, hw)
                DenseKernels.axpy(dS, q + t * d + off, ws.dKey + j * d + off, hw)
              }
            }
          }
          for t in 0..<n {
            let x = ws.residual + (l * context + t) * d
            DenseKernels.addOuter(x, ws.dQuery + t * d, g + block.query, d, d)
            DenseKernels.addOuter(x, ws.dKey + t * d, g + block.key, d, d)
            DenseKernels.addOuter(x, ws.dValue + t * d, g + block.value, d, d)
            DenseKernels.addTransposed(ws.dQuery + t * d, p + block.query, dx + t * d, d, d)
            DenseKernels.addTransposed(ws.dKey + t * d, p + block.key, dx + t * d, d, d)
            DenseKernels.addTransposed(ws.dValue + t * d, p + block.value, dx + t * d, d, d)
          }
        }
        // Embeddings.
        for t in 0..<n {
          DenseKernels.axpy(1, dx + t * d, g + layout.tokenEmbedding + ws.tokens[t] * d, d)
          DenseKernels.axpy(1, dx + t * d, g + layout.positionEmbedding + t * d, d)
        }
      }
    }
  }
}
