/// The shape of a ``TinyLM``: widths, depth and the longest sequence it can read.
public struct TinyLMConfig: Sendable, Equatable {
  /// The number of distinct tokens.
  public var vocabularySize: Int
  /// The longest sequence (prompt plus response) the model reads, in tokens.
  public var contextLength: Int
  /// The width d of the residual stream.
  public var modelWidth: Int
  /// The number of attention heads; it must divide `modelWidth`.
  public var headCount: Int
  /// The number of transformer blocks.
  public var layerCount: Int
  /// The hidden width of each block's MLP.
  public var mlpWidth: Int

  /// Creates a configuration.
  public init(
    vocabularySize: Int = Vocabulary.size, contextLength: Int = 8, modelWidth: Int = 32,
    headCount: Int = 2, layerCount: Int = 1, mlpWidth: Int = 64
  ) {
    precondition(modelWidth % headCount == 0, "heads must divide the model width")
    self.vocabularySize = vocabularySize
    self.contextLength = contextLength
    self.modelWidth = modelWidth
    self.headCount = headCount
    self.layerCount = layerCount
    self.mlpWidth = mlpWidth
  }

  /// The width of one attention head.
  public var headWidth: Int { modelWidth / headCount }
}
