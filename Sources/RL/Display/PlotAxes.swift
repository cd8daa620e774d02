import Foundation

/// The colours of a plot's series: the Okabe–Ito palette, which stays distinct for readers
/// with colour-vision deficiencies.
public let plotPalette = [
  "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
]

/// A numeric axis: its range and "nice" tick positions (steps of 1, 2 or 5 × 10ᵏ).
struct PlotAxis {
  var low: Double
  var high: Double
  var ticks: [Double]
  var step: Double

  init(covering values: [Double], includeZero: Bool = false, targetTicks: Int = 5) {
    var lo = values.filter(\.isFinite).min() ?? 0
    var hi = values.filter(\.isFinite).max() ?? 1
    if includeZero {
      lo = min(lo, 0)
      hi = max(hi, 0)
    }
    if hi - lo < 1e-12 {
      lo -= 1
      hi += 1
    }
    let raw = (hi - lo) / Double(targetTicks)
    let magnitude = Foundation.pow(10, Foundation.floor(Foundation.log10(raw)))
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
    let first = Foundation.floor(lo / step) * step
    let last = Foundation.ceil(hi / step) * step
    let count = Int(((last - first) / step).rounded())
    low = first
    high = last
    self.step = step
    ticks = (0...count).map { first + Double($0) * step }
  }

  /// Maps `value` into the pixel interval `from`…`to`.
  func position(_ value: Double, from: Double, to: Double) -> Double {
    from + (value - low) / (high - low) * (to - from)
  }
}

/// The drawing area and margins shared by every chart, and the pieces they all draw.
struct PlotCanvas {
  var width = 640.0
  var height = 360.0
  var left = 64.0
  var right = 16.0
  var top = 36.0
  var bottom = 52.0

  var plotLeft: Double { left }
  var plotRight: Double { width - right }
  var plotTop: Double { top }
  var plotBottom: Double { height - bottom }

  /// A coordinate as SVG text, with two decimals so that files stay small and stable.
  func n(_ x: Double) -> String { fixed(x, 2) }

  func open(title: String, altText: String) -> String {
    """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(fixed(width, 0)) \(fixed(height, 0))" \
    role="img" aria-label="\(xmlEscaped(altText))" font-family="system-ui, sans-serif" \
    font-size="12" fill="currentColor">
    <title>\(xmlEscaped(altText))</title>
    <text x="\(n(width / 2))" y="20" text-anchor="middle" font-size="14" \
    font-weight="600">\(xmlEscaped(title))</text>

    """
  }

  func yAxis(_ axis: PlotAxis, label: String) -> String {
    var out = ""
    for t in axis.ticks {
      let y = axis.position(t, from: plotBottom, to: plotTop)
      out += "<line x1=\"\(n(plotLeft))\" x2=\"\(n(plotRight))\" y1=\"\(n(y))\" y2=\"\(n(y))\" "
      out += "stroke=\"currentColor\" stroke-opacity=\"0.12\"/>\n"
      out += "<text x=\"\(n(plotLeft - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\">"
      out += "\(tickLabel(t, step: axis.step))</text>\n"
    }
    let mid = (plotTop + plotBottom) / 2
    out += "<text transform=\"translate(14 \(n(mid))) rotate(-90)\" text-anchor=\"middle\">"
    out += "\(xmlEscaped(label))</text>\n"
    return out
  }

  func xLabel(_ label: String) -> String {
    "<text x=\"\(n((plotLeft + plotRight) / 2))\" y=\"\(n(height - 10))\" "
      + "text-anchor=\"middle\">\(xmlEscaped(label))</text>\n"
  }

  func frame() -> String {
    "<rect x=\"\(n(plotLeft))\" y=\"\(n(plotTop))\" width=\"\(n(plotRight - plotLeft))\" "
      + "height=\"\(n(plotBottom - plotTop))\" fill=\"none\" stroke=\"currentColor\" "
      + "stroke-opacity=\"0.5\"/>\n"
  }

  /// A legend in the top-left corner of the plot area: one swatch and name per entry.
  func legend(_ entries: [(name: String, color: String, dashed: Bool)]) -> String {
    guard !entries.isEmpty else { return "" }
    var out = ""
    let longest = entries.map(\.name.count).max() ?? 0
    let boxWidth = 34 + Double(longest) * 6.6
    out += "<rect x=\"\(n(plotLeft + 8))\" y=\"\(n(plotTop + 8))\" width=\"\(n(boxWidth))\" "
    out += "height=\"\(n(Double(entries.count) * 16 + 8))\" fill=\"Canvas\" "
    out += "fill-opacity=\"0.85\" stroke=\"currentColor\" stroke-opacity=\"0.2\"/>\n"
    for (i, e) in entries.enumerated() {
      let y = plotTop + 20 + Double(i) * 16
      let dash = e.dashed ? " stroke-dasharray=\"5 3\"" : ""
      out += "<line x1=\"\(n(plotLeft + 14))\" x2=\"\(n(plotLeft + 34))\" y1=\"\(n(y - 4))\" "
      out += "y2=\"\(n(y - 4))\" stroke=\"\(e.color)\" stroke-width=\"2.5\"\(dash)/>\n"
      out += "<text x=\"\(n(plotLeft + 40))\" y=\"\(n(y))\">\(xmlEscaped(e.name))</text>\n"
    }
    return out
  }
}
