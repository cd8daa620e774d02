/// The shared starting point of the language-model chapters: a split of the addition
/// problems and an SFT base model trained on noisy demonstrations.
public struct AdditionSetup: Sendable {
  /// The 70 problems that RL and preference training may use.
  public var train: [AdditionProblem]
  /// The 30 problems kept for evaluation (never used by RL or preference training; the SFT
  /// demonstrations cover all 100 problems, with noisy answers).
  public var heldOut: [AdditionProblem]
  /// The SFT base model.
  public var base: TinyLM
  /// The SFT statistics of every step.
  public var sftHistory: [SFTStepStatistics]
  /// The generator, after everything above was drawn from it.
  public var generator: SeededGenerator

  /// Builds the setup: split (30 held out), 2,000 demonstrations with 65% near-miss noise,
  /// a fresh ``AdditionTask/modelConfig`` model, and 1,500 SFT steps of 32 sequences with
  /// Adam at 3·10⁻³.
  ///
  /// - Complexity: about 4 s on one core (release build).
  public init(seed: UInt64 = 2024) {
    var rng = SeededGenerator(seed: seed)
    (train, heldOut) = AdditionTask.split(heldOutCount: 30, using: &rng)
    let data = AdditionTask.noisyDemonstrations(
      from: AdditionTask.allProblems, count: 2000, noise: 0.65, using: &rng)
    var model = TinyLM(config: AdditionTask.modelConfig, using: &rng)
    sftHistory = supervisedFineTune(
      &model, on: data, configuration: SFTConfiguration(), using: &rng)
    base = model
    generator = rng
  }

  /// Preference pairs from the length-biased annotator
  /// (``AdditionTask/preferencePairs(from:count:lengthBias:nearMissFraction:using:)`` with bias
  /// 0.7): 4,000 on the training problems and 500 on the held-out ones.
  public mutating func preferenceData() -> (train: [PreferencePair], heldOut: [PreferencePair]) {
    let a = AdditionTask.preferencePairs(
      from: train, count: 4000, lengthBias: 0.7, using: &generator)
    let b = AdditionTask.preferencePairs(
      from: heldOut, count: 500, lengthBias: 0.7, using: &generator)
    return (a, b)
  }

  /// The book's reward model: the base model with its scalar head, trained for 2,000
  /// Bradley–Terry steps of 32 pairs (Adam, 2·10⁻³), then normalised so its scores on the
  /// training pairs' responses have mean 0 and standard deviation 1.
  ///
  /// - Complexity: about 8 s on one core (release build).
  public mutating func rewardModel(pairs: [PreferencePair])
    -> (model: TinyLM, history: [RewardModelStepStatistics])
  {
    var rm = base
    let history = trainRewardModel(
      &rm, on: pairs, configuration: RewardModelConfiguration(), using: &generator)
    rm.normalizeScores(
      on: pairs.flatMap { [$0.chosenSequence.tokens, $0.rejectedSequence.tokens] })
    return (rm, history)
  }
}
