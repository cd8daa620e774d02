/// The token vocabulary of the book's tiny language model: the ten digits, `+`, `=`, an
/// end-of-sequence token and a padding token.
///
/// Token ids 0–9 are the digits themselves, so `Vocabulary.digit(7) == 7`.
public enum Vocabulary {
  /// The number of tokens.
  public static let size = 14
  /// The `+` token.
  public static let plus = 10
  /// The `=` token.
  public static let equals = 11
  /// The end-of-sequence token: generation stops after it.
  public static let endOfSequence = 12
  /// The padding token (never predicted by a trained model).
  public static let padding = 13

  /// The token for a decimal digit.
  public static func digit(_ d: Int) -> Int {
    precondition((0...9).contains(d), "not a digit")
    return d
  }

  /// The digits of a non-negative integer, most significant first.
  public static func digits(of n: Int) -> [Int] {
    precondition(n >= 0, "only non-negative numbers")
    return String(n).map { Int(String($0))! }
  }

  /// A readable rendering of a token sequence, with `⏎` for end-of-sequence and `_` for
  /// padding, such as `3+4=7⏎`.
  public static func render(_ tokens: some Sequence<Int>) -> String {
    var text = ""
    for token in tokens {
      switch token {
      case 0...9: text += String(token)
      case plus: text += "+"
      case equals: text += "="
      case endOfSequence: text += "⏎"
      default: text += "_"
      }
    }
    return text
  }
}
