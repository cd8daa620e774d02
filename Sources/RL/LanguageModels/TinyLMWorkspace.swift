/// Preallocated activation and gradient buffers for one sequence of a ``TinyLM``.
///
/// The forward pass runs one position at a time and keeps every activation here, so the
/// buffers double as the key–value cache during sampling and as the tape for the backward
/// pass. One workspace serves any number of sequences (one at a time); nothing allocates
/// in the hot loops.
///
/// A workspace is scratch memory, not a value: it is a class and is not `Sendable`. Give
/// each task its own.
public final class TinyLMWorkspace {
  /// The shape this workspace was made for.
  public let config: TinyLMConfig
  /// The tokens read so far (the first ``length`` entries are valid).
  public internal(set) var tokens: [Int]
  /// How many positions hold valid activations.
  public internal(set) var length = 0

  let d: Int
  let m: Int
  let vocabulary: Int
  let context: Int
  /// The residual stream: `(layers + 1) × T × d`; the last slice is the final hidden state.
  let residual: UnsafeMutablePointer<Double>
  /// Per layer `T × d`: queries, keys, values, attention outputs, residual after attention.
  let query, key, value, attended, middle: UnsafeMutablePointer<Double>
  /// Per layer `heads × T × T`: attention weights.
  let attention: UnsafeMutablePointer<Double>
  /// Per layer `T × m`: MLP pre-activations and ReLU outputs.
  let preActivation, activation: UnsafeMutablePointer<Double>
  /// `T × V` logits, `T` log-normalisers and `T` scalar-head outputs.
  let logits, logNormalizer, scalar: UnsafeMutablePointer<Double>
  /// Backward scratch, `T × d` each.
  let dResidual, dMiddle, dAttended, dQuery, dKey, dValue: UnsafeMutablePointer<Double>
  /// Backward scratch: `m`, `m`, `V`, `T`.
  let dPre, dAct, dLogits, dScores: UnsafeMutablePointer<Double>
  private var allocations: [UnsafeMutablePointer<Double>] = []

  /// Allocates buffers for sequences of up to `config.contextLength` tokens.
  public init(config: TinyLMConfig) {
    self.config = config
    d = config.modelWidth
    m = config.mlpWidth
    vocabulary = config.vocabularySize
    context = config.contextLength
    tokens = [Int](repeating: Vocabulary.padding, count: config.contextLength)
    let layers = config.layerCount
    let t = config.contextLength
    var list: [UnsafeMutablePointer<Double>] = []
    func make(_ n: Int) -> UnsafeMutablePointer<Double> {
      let p = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
      p.initialize(repeating: 0, count: max(n, 1))
      list.append(p)
      return p
    }
    residual = make((layers + 1) * t * d)
    query = make(layers * t * d)
    key = make(layers * t * d)
    value = make(layers * t * d)
    attended = make(layers * t * d)
    middle = make(layers * t * d)
    attention = make(layers * config.headCount * t * t)
    preActivation = make(layers * t * m)
    activation = make(layers * t * m)
    logits = make(t * vocabulary)
    logNormalizer = make(t)
    scalar = make(t)
    dResidual = make(t * d)
    dMiddle = make(t * d)
    dAttended = make(t * d)
    dQuery = make(t * d)
    dKey = make(t * d)
    dValue = make(t * d)
    dPre = make(m)
    dAct = make(m)
    dLogits = make(vocabulary)
    dScores = make(t)
    allocations = list
  }

  deinit {
    for p in allocations { p.deallocate() }
  }

  /// The logits at position `t` (predicting token `t + 1`), as an array.
  public func logits(at t: Int) -> [Double] {
    precondition(t < length, "position not computed")
    return Array(UnsafeBufferPointer(start: logits + t * vocabulary, count: vocabulary))
  }

  /// log p(`token` | tokens up to position `t`), from the logits at position `t`.
  public func logProbability(of token: Int, at t: Int) -> Double {
    precondition(t < length, "position not computed")
    return logits[t * vocabulary + token] - logNormalizer[t]
  }

  /// The scalar head's output at position `t`.
  public func scalarOutput(at t: Int) -> Double {
    precondition(t < length, "position not computed")
    return scalar[t]
  }
}
