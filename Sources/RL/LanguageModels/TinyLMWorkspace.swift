/// Preallocated activation and gradient buffers for a ``TinyLM``: one sequence, or a batch of
/// sequences packed row after row.
///
/// The forward pass runs a block of rows at a time (one during sampling) and keeps every
/// activation here, so the buffers double as the key–value cache during sampling and as the
/// tape for the backward pass. The buffers grow when a batch needs more rows and are then
/// reused; nothing allocates in the hot loops.
///
/// A workspace is scratch memory, not a value: it is a class and is not `Sendable`. Give
/// each task its own.
public final class TinyLMWorkspace {
  /// The shape this workspace was made for.
  public let config: TinyLMConfig
  /// The tokens of the rows held (the first ``length`` entries are valid).
  public var tokens: [Int] { Array(rows.tokens.prefix(length)) }
  /// How many positions (rows) hold valid activations.
  public internal(set) var length = 0
  /// Which sequence each row belongs to (its first row) and its position in that sequence.
  var rows: RowLayout
  /// The buffers, sized for ``RowLayout/capacity`` rows.
  private(set) var buffers: TinyLMBuffers

  /// Allocates buffers for one sequence of up to `config.contextLength` tokens.
  public init(config: TinyLMConfig) {
    self.config = config
    rows = RowLayout(capacity: config.contextLength)
    buffers = TinyLMBuffers(config: config, rows: config.contextLength)
  }

  /// Makes room for `count` rows, keeping nothing.
  func reserve(rows count: Int) {
    guard count > rows.capacity else { return }
    rows = RowLayout(capacity: count)
    buffers = TinyLMBuffers(config: config, rows: count)
  }

  /// Lays out one sequence of `count` tokens in rows `0..<count`.
  func holdOneSequence(_ tokens: [Int], count: Int) {
    for t in 0..<count { rows.set(t, token: tokens[t], sequenceStart: 0, position: t) }
  }

  /// The logits at position `t` (predicting token `t + 1`), as an array.
  public func logits(at t: Int) -> [Double] {
    precondition(t < length, "position not computed")
    let v = config.vocabularySize
    return Array(UnsafeBufferPointer(start: buffers.logits + t * v, count: v))
  }

  /// log p(`token` | tokens up to position `t`), from the logits at position `t`.
  public func logProbability(of token: Int, at t: Int) -> Double {
    precondition(t < length, "position not computed")
    return buffers.logits[t * config.vocabularySize + token] - buffers.logNormalizer[t]
  }

  /// log p(tokenₜ | tokens before t) for every position of the sequence held (entry 0 is 0).
  public func tokenLogProbabilities() -> [Double] {
    tokenLogProbabilities(rows: 0..<length)
  }

  /// The per-token log-probabilities of the sequence in `range` (entry 0 is 0).
  func tokenLogProbabilities(rows range: Range<Int>) -> [Double] {
    var out = [Double](repeating: 0, count: range.count)
    for r in range.dropFirst() {
      out[r - range.lowerBound] = logProbability(of: rows.tokens[r], at: r - 1)
    }
    return out
  }

  /// The scalar head's output at position `t`.
  public func scalarOutput(at t: Int) -> Double {
    precondition(t < length, "position not computed")
    return buffers.scalar[t]
  }
}

/// Where each row of a workspace sits: its token, the first row of its sequence and its
/// position in that sequence. One sequence has rows 0, 1, …; a batch packs sequences one
/// after another.
struct RowLayout {
  /// The number of rows there is room for.
  let capacity: Int
  /// Each row's token.
  private(set) var tokens: [Int]
  /// Each row's sequence, as the row where that sequence starts.
  private(set) var sequenceStart: [Int]
  /// Each row's position within its sequence.
  private(set) var position: [Int]

  init(capacity: Int) {
    self.capacity = capacity
    tokens = [Int](repeating: Vocabulary.padding, count: capacity)
    sequenceStart = [Int](repeating: 0, count: capacity)
    position = [Int](repeating: 0, count: capacity)
  }

  mutating func set(_ row: Int, token: Int, sequenceStart start: Int, position t: Int) {
    tokens[row] = token
    sequenceStart[row] = start
    position[row] = t
  }
}

/// The raw buffers of a ``TinyLMWorkspace`` for R rows (activations per layer are `R × width`
/// slabs, one after another).
final class TinyLMBuffers {
  /// The residual stream: `(layers + 1) × R × d`; the last slab is the final hidden state.
  let residual: UnsafeMutablePointer<Double>
  /// Per layer `R × d`: queries, keys, values, attention outputs, residual after attention.
  let query, key, value, attended, middle: UnsafeMutablePointer<Double>
  /// Per layer and head, `R × T`: each row's attention weights over its sequence's positions.
  let attention: UnsafeMutablePointer<Double>
  /// Per layer `R × m`: MLP pre-activations and ReLU outputs.
  let preActivation, activation: UnsafeMutablePointer<Double>
  /// `R × V` logits, `R` log-normalisers and `R` scalar-head outputs.
  let logits, logNormalizer, scalar: UnsafeMutablePointer<Double>
  /// Backward scratch, `R × d` each.
  let dResidual, dMiddle, dAttended, dQuery, dKey, dValue: UnsafeMutablePointer<Double>
  /// Backward scratch: `R × m`, `R × m`, `R × V`, `T`, and `R × d` (the hidden states of the
  /// rows whose next token's log-probability has a gradient, packed).
  let dPre, dAct, dLogits, dScores, packedHidden: UnsafeMutablePointer<Double>
  /// Room for a transposed weight matrix (the largest of `d × d`, `d × m` and `d × V`).
  let transposed: UnsafeMutablePointer<Double>
  private var allocations: [UnsafeMutablePointer<Double>] = []

  init(config: TinyLMConfig, rows r: Int) {
    let d = config.modelWidth
    let m = config.mlpWidth
    let layers = config.layerCount
    let t = config.contextLength
    var list: [UnsafeMutablePointer<Double>] = []
    func make(_ n: Int) -> UnsafeMutablePointer<Double> {
      let p = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
      p.initialize(repeating: 0, count: max(n, 1))
      list.append(p)
      return p
    }
    residual = make((layers + 1) * r * d)
    query = make(layers * r * d)
    key = make(layers * r * d)
    value = make(layers * r * d)
    attended = make(layers * r * d)
    middle = make(layers * r * d)
    attention = make(layers * config.headCount * r * t)
    preActivation = make(layers * r * m)
    activation = make(layers * r * m)
    logits = make(r * config.vocabularySize)
    logNormalizer = make(r)
    scalar = make(r)
    dResidual = make(r * d)
    dMiddle = make(r * d)
    dAttended = make(r * d)
    dQuery = make(r * d)
    dKey = make(r * d)
    dValue = make(r * d)
    dPre = make(r * m)
    dAct = make(r * m)
    dLogits = make(r * config.vocabularySize)
    dScores = make(t)
    packedHidden = make(r * d)
    transposed = make(d * max(d, m, config.vocabularySize))
    allocations = list
  }

  deinit {
    for p in allocations { p.deallocate() }
  }
}
