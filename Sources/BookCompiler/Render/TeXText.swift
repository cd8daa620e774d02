/// Plain text for places that cannot hold typeset math: a page's `<title>`, its
/// description. `The $k_3$ estimator` reads `The k₃ estimator`.
enum TeXText {
  /// `markdown` with each `$…$` formula turned into readable text: the dollars go, common
  /// commands become their Unicode symbols, digits after `_` and `^` become sub- and
  /// superscripts, and braces and other commands' backslashes are dropped.
  static func plain(_ markdown: String) -> String {
    var out = ""
    var inMath = false
    var math = ""
    for character in markdown {
      if character == "$" {
        if inMath { out += text(ofFormula: math) }
        math = ""
        inMath.toggle()
      } else if inMath {
        math.append(character)
      } else {
        out.append(character)
      }
    }
    if inMath { out += "$" + math }
    return out
  }

  /// One formula's TeX as text.
  static func text(ofFormula tex: String) -> String {
    var out = ""
    var rest = Substring(tex)
    while let character = rest.popFirst() {
      switch character {
      case "\\":
        let name = rest.prefix { $0.isLetter }
        rest = rest.dropFirst(name.count)
        if name.isEmpty {
          // `\,` and the other spacing commands are a space; `\{`, `\|`… their character.
          let escaped = rest.popFirst()
          out += escaped.map { ",;: ".contains($0) ? " " : $0 == "!" ? "" : String($0) } ?? ""
        } else {
          out += symbols[String(name)] ?? ""
        }
      case "_", "^":
        let argument = scriptArgument(&rest)
        let map = character == "_" ? subscripts : superscripts
        let raised = argument.compactMap { map[$0] }
        out +=
          raised.count == argument.count
          ? String(raised) : String(character) + text(ofFormula: argument)
      case "{", "}": continue
      default: out.append(character)
      }
    }
    return out
  }

  /// The argument of `_` or `^`: a `{…}` group or one character.
  private static func scriptArgument(_ rest: inout Substring) -> String {
    guard rest.first == "{" else { return rest.popFirst().map(String.init) ?? "" }
    var depth = 0
    var argument = ""
    while let character = rest.popFirst() {
      if character == "{" {
        depth += 1
        if depth == 1 { continue }
      } else if character == "}" {
        depth -= 1
        if depth == 0 { break }
      }
      argument.append(character)
    }
    return argument
  }

  private static let subscripts: [Character: Character] = Dictionary(
    uniqueKeysWithValues: zip("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎"))
  private static let superscripts: [Character: Character] = Dictionary(
    uniqueKeysWithValues: zip("0123456789+-=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾"))

  /// Commands written as one symbol.
  private static let symbols: [String: String] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
    "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ",
    "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ",
    "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "cdot": "·",
    "times": "×", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠",
    "approx": "≈", "infty": "∞", "to": "→", "rightarrow": "→", "leftarrow": "←", "sum": "Σ",
    "in": "∈", "pm": "±", "log": "log", "exp": "exp", "max": "max", "min": "min",
    "mathbb": "", "mathrm": "", "mathbf": "", "text": "", "operatorname": "", "hat": "",
  ]
}
