import Foundation

extension TinyLM {
  /// Runs the model on `tokens[0..<count]` (teacher forcing), leaving every activation,
  /// logit and scalar output in `workspace`.
  ///
  /// - Complexity: O(count · (L·(d² + d·m) + d·V) + L·count²·d).
  public func forward(tokens: [Int], count: Int, workspace: TinyLMWorkspace) {
    precondition(count <= config.contextLength && count <= tokens.count, "sequence too long")
    workspace.length = 0
    for t in 0..<count { forward(token: tokens[t], position: t, workspace: workspace) }
  }

  /// Appends one token at position `position` (which must equal `workspace.length`),
  /// reusing the cached activations of the earlier positions. This is the key–value cache
  /// that makes sampling cost O(1) forward passes per token.
  public func forward(token: Int, position t: Int, workspace ws: TinyLMWorkspace) {
    precondition(ws.config == config, "workspace made for another shape")
    precondition(t == ws.length && t < config.contextLength, "positions must be appended in order")
    ws.tokens[t] = token
    ws.length = t + 1
    let d = config.modelWidth
    let m = config.mlpWidth
    let heads = config.headCount
    let hw = config.headWidth
    let context = config.contextLength
    let vocabulary = config.vocabularySize
    let scale = 1 / Double(hw).squareRoot()
    parameters.withUnsafeBufferPointer { buffer in
      let p = buffer.baseAddress!
      let x0 = ws.residual + t * d
      let e = p + layout.tokenEmbedding + token * d
      let pos = p + layout.positionEmbedding + t * d
      for i in 0..<d { x0[i] = e[i] + pos[i] }
      for (l, block) in layout.blocks.enumerated() {
        let x = ws.residual + (l * context + t) * d
        let slab = l * context * d
        let q = ws.query + slab + t * d
        let keys = ws.key + slab
        let values = ws.value + slab
        DenseKernels.affine(x, p + block.query, nil, q, d, d)
        DenseKernels.affine(x, p + block.key, nil, keys + t * d, d, d)
        DenseKernels.affine(x, p + block.value, nil, values + t * d, d, d)
        let o = ws.attended + slab + t * d
        o.update(repeating: 0, count: d)
        for h in 0..<heads {
          let a = ws.attention + ((l * heads + h) * context + t) * context
          var largest = -Double.infinity
          for j in 0...t {
            let s = scale * DenseKernels.dot(q + h * hw, keys + j * d + h * hw, hw)
            a[j] = s
            largest = max(largest, s)
          }
          var total = 0.0
          for j in 0...t {
            a[j] = Foundation.exp(a[j] - largest)
            total += a[j]
          }
          for j in 0...t {
            a[j] /= total
            DenseKernels.axpy(a[j], values + j * d + h * hw, o + h * hw, hw)
          }
        }
        let mid = ws.middle + slab + t * d
        DenseKernels.affine(o, p + block.output, nil, mid, d, d)
        for i in 0..<d { mid[i] += x[i] }
        let pre = ws.preActivation + (l * context + t) * m
        let act = ws.activation + (l * context + t) * m
        DenseKernels.affine(mid, p + block.mlpIn, p + block.mlpInBias, pre, d, m)
        for i in 0..<m { act[i] = max(pre[i], 0) }
        let next = ws.residual + ((l + 1) * context + t) * d
        DenseKernels.affine(act, p + block.mlpOut, p + block.mlpOutBias, next, m, d)
        for i in 0..<d { next[i] += mid[i] }
      }
      let h = ws.residual + (config.layerCount * context + t) * d
      let z = ws.logits + t * vocabulary
      DenseKernels.affine(h, p + layout.head, p + layout.headBias, z, d, vocabulary)
      var largest = -Double.infinity
      for v in 0..<vocabulary { largest = max(largest, z[v]) }
      var total = 0.0
      for v in 0..<vocabulary { total += Foundation.exp(z[v] - largest) }
      ws.logNormalizer[t] = largest + Foundation.log(total)
      ws.scalar[t] = DenseKernels.dot(h, p + layout.scalarHead, d) + p[layout.scalarHeadBias]
    }
  }
}
