/// A vertical bar chart of named values, with optional error bars, as deterministic SVG.
public struct BarChart: SVGRenderable, Sendable {
  /// The chart title.
  public var title: String
  /// The y-axis label.
  public var yLabel: String
  /// The bars, left to right.
  public var bars: [(label: String, value: Double, error: Double?)] = []
  /// Alt text; by default it lists every bar and its value.
  public var description: String?

  /// Creates an empty chart.
  public init(title: String, yLabel: String) {
    self.title = title
    self.yLabel = yLabel
  }

  /// Adds a bar, with an optional error-bar half-width.
  public mutating func add(_ label: String, _ value: Double, error: Double? = nil) {
    bars.append((label, value, error))
  }

  /// A description of the chart for screen readers.
  public var altText: String {
    description
      ?? "\(title): " + bars.map { "\($0.label) \(fixed($0.value, 2))" }.joined(separator: ", ")
  }

  /// The chart as an `<svg>` element.
  public var svg: String {
    let c = PlotCanvas()
    let values = bars.flatMap { b in [b.value - (b.error ?? 0), b.value + (b.error ?? 0)] }
    let axis = PlotAxis(covering: values, includeZero: true)
    func py(_ y: Double) -> Double { axis.position(y, from: c.plotBottom, to: c.plotTop) }
    var out = c.open(title: title, altText: altText)
    out += c.yAxis(axis, label: yLabel)
    let slot = (c.plotRight - c.plotLeft) / Double(max(bars.count, 1))
    for (i, bar) in bars.enumerated() {
      let x = c.plotLeft + slot * Double(i) + slot * 0.15
      let w = slot * 0.7
      let y0 = py(0)
      let y1 = py(bar.value)
      let color = plotPalette[i % plotPalette.count]
      out += "<rect x=\"\(c.n(x))\" y=\"\(c.n(min(y0, y1)))\" width=\"\(c.n(w))\" "
      out += "height=\"\(c.n(abs(y1 - y0)))\" fill=\"\(color)\"/>\n"
      if let e = bar.error {
        let cx = x + w / 2
        out += "<line x1=\"\(c.n(cx))\" x2=\"\(c.n(cx))\" y1=\"\(c.n(py(bar.value - e)))\" "
        out += "y2=\"\(c.n(py(bar.value + e)))\" stroke=\"currentColor\" stroke-width=\"1.5\"/>\n"
      }
      out += "<text x=\"\(c.n(x + w / 2))\" y=\"\(c.n(c.plotBottom + 16))\" "
      out += "text-anchor=\"middle\">\(xmlEscaped(bar.label))</text>\n"
    }
    out += c.frame()
    return out + "</svg>"
  }
}
