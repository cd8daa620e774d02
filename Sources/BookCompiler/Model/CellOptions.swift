/// The options written after `swift` in a cell's fence, such as ```` ```swift hidden ````.
public struct CellOptions: Sendable, Hashable {
  /// Run the cell but show only its output (`hidden`).
  public var hidden = false
  /// Show and type-check the cell but never run it (`norun`).
  public var noRun = false
  /// The cell must fail to compile; its diagnostic is its output (`compile-fail`).
  public var compileFail = false
  /// Seconds the cell may run before the chapter is stopped (`timeout=SECONDS`).
  public var timeout: Double?
  /// The code a reader starts an exercise from (`exercise`): shown with a label, compiled, and
  /// run unless `norun`.
  public var exercise = false
  /// An exercise's solution (`solution`): folded behind "Show solution", run, recorded and
  /// checked like any cell.
  public var solution = false
  /// The name the prose uses for the cell's figure, `@fig-NAME` (`label=NAME`).
  public var label: String?

  /// The documented options, for error messages and the README.
  public static let known = [
    "hidden", "norun", "compile-fail", "exercise", "solution", "label=NAME", "timeout=SECONDS",
  ]

  /// The default time a cell may run, in seconds, when it sets no `timeout`.
  public static let defaultTimeout = 120.0

  /// Creates the default options: run the cell and show code and output.
  public init() {}

  /// Parses the words after `swift` in a fence's info string.
  ///
  /// - Throws: a message naming the first unknown, malformed or repeated option.
  public init(parsing words: [Substring]) throws(OptionError) {
    var seen = Set<Substring>()
    for word in words {
      let name = word.hasPrefix("timeout=") ? "timeout" : word.hasPrefix("label=") ? "label" : word
      guard seen.insert(name).inserted else {
        throw OptionError(message: "the cell option '\(name)' is given twice")
      }
      switch word {
      case "hidden": hidden = true
      case "norun": noRun = true
      case "compile-fail": compileFail = true
      case "exercise": exercise = true
      case "solution": solution = true
      case _ where word.hasPrefix("label="):
        let value = word.dropFirst("label=".count)
        guard Self.isValidLabel(value) else {
          throw OptionError(
            message: "label needs a name of letters, digits, '-' and '_', not '\(value)'")
        }
        label = String(value)
      case _ where word.hasPrefix("timeout="):
        let value = word.dropFirst("timeout=".count)
        guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
          throw OptionError(message: "timeout needs a positive number of seconds, not '\(value)'")
        }
        timeout = seconds
      default:
        throw OptionError(
          message: "unknown cell option '\(word)' (known: \(Self.known.joined(separator: ", ")))")
      }
    }
    if noRun && compileFail {
      throw OptionError(message: "a cell cannot be both 'norun' and 'compile-fail'")
    }
    if exercise && solution {
      throw OptionError(message: "a cell cannot be both 'exercise' and 'solution'")
    }
    if solution && (hidden || noRun || compileFail) {
      throw OptionError(
        message: "a 'solution' cell is shown folded and runs: it cannot also be 'hidden',"
          + " 'norun' or 'compile-fail'")
    }
    if exercise && hidden {
      throw OptionError(
        message: "an 'exercise' cell is the code a reader starts from: it cannot be 'hidden'")
    }
  }

  /// Whether `name` can label a figure: ASCII letters, digits, `-` and `_`, starting with a
  /// letter, at most 64.
  static func isValidLabel(_ name: some StringProtocol) -> Bool {
    guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
      name.utf8.count <= 64
    else { return false }
    return name.unicodeScalars.allSatisfy {
      $0.isASCII
        && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
    }
  }

  /// The options that change what runs: the part of the options that is in the cache key.
  /// `hidden`, `exercise`, `solution` and `label` only change the page, so they are left out.
  public var executionKey: String {
    "norun=\(noRun) compile-fail=\(compileFail) timeout=\(timeout.map { "\($0)" } ?? "-")"
  }

  /// The time this cell may run.
  public var effectiveTimeout: Double { timeout ?? Self.defaultTimeout }

  /// Why a fence's options could not be read.
  public struct OptionError: Error, Sendable {
    /// The explanation, without a location.
    public var message: String
  }
}
