import Foundation

/// Formats `x` with exactly `digits` decimals, the same on every machine and locale, and
/// never as "-0.00".
public func fixed(_ x: Double, _ digits: Int = 3) -> String {
  if x.isNaN { return "nan" }
  if x.isInfinite { return x > 0 ? "inf" : "-inf" }
  let s = String(format: "%.\(digits)f", x)
  if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
    return String(s.dropFirst())
  }
  return s
}

/// Formats a fraction as a percentage with `digits` decimals, such as "42.5%".
public func percent(_ fraction: Double, _ digits: Int = 1) -> String {
  fixed(fraction * 100, digits) + "%"
}

/// A short label for an axis tick: no trailing zeros, and thousands as "k".
func tickLabel(_ value: Double, step: Double) -> String {
  let decimals = max(0, Int((-Foundation.log10(step)).rounded(.up)))
  if abs(value) >= 10_000, decimals == 0, value.truncatingRemainder(dividingBy: 1000) == 0 {
    return fixed(value / 1000, 0) + "k"
  }
  return fixed(value, decimals)
}

/// Escapes the five XML special characters for use in SVG text and attributes.
func xmlEscaped(_ text: String) -> String {
  var out = ""
  out.reserveCapacity(text.count)
  for c in text {
    switch c {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&#39;"
    default: out.append(c)
    }
  }
  return out
}
