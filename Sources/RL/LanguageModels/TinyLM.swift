import Foundation

/// A tiny causal transformer language model whose parameters live in one flat `[Double]`.
///
/// The architecture is a GPT-style decoder without layer norm:
///
/// - `x₀[t] = E[tokenₜ] + P[t]` (token plus position embedding);
/// - each block adds causal multi-head self-attention, `x ← x + Attn(x)·W_O`, then a ReLU
///   MLP, `x ← x + ReLU(x·W₁ + b₁)·W₂ + b₂`;
/// - the LM head gives logits `h·W_out + b_out` from the final hidden state `h`;
/// - a scalar head `h·w + b` on the same features serves as the critic's value head and as
///   the reward model's score (like TRL's "causal LM with value head").
///
/// Gradients are written by hand (``backward(tokens:count:logProbGradient:scalarGradient:into:workspace:)``)
/// and checked against finite differences in the tests. The model is a value: `let
/// reference = model` is a frozen copy.
public struct TinyLM: Sendable {
  /// The shape of the model.
  public let config: TinyLMConfig
  /// All parameters, laid out as described by ``TinyLMLayout``.
  public var parameters: [Double]
  /// Where each weight matrix sits inside ``parameters``.
  public let layout: TinyLMLayout

  /// Creates a model with small random weights (scaled by 1/√fan-in; the output
  /// projections of each block and the scalar head start smaller, the latter at zero).
  public init(config: TinyLMConfig, using generator: inout SeededGenerator) {
    self.config = config
    layout = TinyLMLayout(config)
    parameters = [Double](repeating: 0, count: layout.count)
    let d = config.modelWidth
    func fill(_ offset: Int, _ count: Int, scale: Double) {
      for i in 0..<count { parameters[offset + i] = scale * generator.normal() }
    }
    fill(layout.tokenEmbedding, config.vocabularySize * d, scale: 0.5)
    fill(layout.positionEmbedding, config.contextLength * d, scale: 0.5)
    let inScale = 1 / Double(d).squareRoot()
    for block in layout.blocks {
      fill(block.query, d * d, scale: inScale)
      fill(block.key, d * d, scale: inScale)
      fill(block.value, d * d, scale: inScale)
      fill(block.output, d * d, scale: 0.5 * inScale)
      fill(block.mlpIn, d * config.mlpWidth, scale: inScale)
      fill(block.mlpOut, config.mlpWidth * d, scale: 0.5 / Double(config.mlpWidth).squareRoot())
    }
    fill(layout.head, d * config.vocabularySize, scale: inScale)
  }

  /// The number of parameters.
  public var parameterCount: Int { parameters.count }
}

/// Offsets of every weight block inside a ``TinyLM``'s flat parameter vector.
///
/// Matrices are row-major with shape `[inputs × outputs]`, so `y[j] = Σᵢ x[i]·W[i·out + j]`.
public struct TinyLMLayout: Sendable, Equatable {
  /// The offsets of one transformer block's weights.
  public struct Block: Sendable, Equatable {
    /// W_Q, W_K, W_V and W_O, each `[d × d]`.
    public var query, key, value, output: Int
    /// W₁ `[d × m]` and b₁ `[m]`.
    public var mlpIn, mlpInBias: Int
    /// W₂ `[m × d]` and b₂ `[d]`.
    public var mlpOut, mlpOutBias: Int
  }
  /// The token embedding `[V × d]`.
  public var tokenEmbedding: Int
  /// The position embedding `[T × d]`.
  public var positionEmbedding: Int
  /// The blocks, in order.
  public var blocks: [Block]
  /// The LM head `[d × V]` and its bias `[V]`.
  public var head, headBias: Int
  /// The scalar (value or reward) head `[d]` and its bias (one number).
  public var scalarHead, scalarHeadBias: Int
  /// The total number of parameters.
  public var count: Int

  /// Lays out the parameters of a model of shape `config`.
  public init(_ config: TinyLMConfig) {
    let d = config.modelWidth
    let m = config.mlpWidth
    var next = 0
    func take(_ n: Int) -> Int {
      defer { next += n }
      return next
    }
    tokenEmbedding = take(config.vocabularySize * d)
    positionEmbedding = take(config.contextLength * d)
    blocks = (0..<config.layerCount).map { _ in
      Block(
        query: take(d * d), key: take(d * d), value: take(d * d), output: take(d * d),
        mlpIn: take(d * m), mlpInBias: take(m), mlpOut: take(m * d), mlpOutBias: take(d))
    }
    head = take(d * config.vocabularySize)
    headBias = take(config.vocabularySize)
    scalarHead = take(d)
    scalarHeadBias = take(1)
    count = next
  }
}
