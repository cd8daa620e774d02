/// A line chart of one or more series against a shared x axis, drawn as deterministic SVG.
///
/// ```swift
/// var plot = LinePlot(title: "Learning curve", xLabel: "episode", yLabel: "return")
/// plot.add("Sarsa", y: sarsaReturns)
/// display(plot)
/// ```
public struct LinePlot: SVGRenderable, Sendable {
  /// One named line, with an optional shaded band (for example ± one standard error).
  public struct Series: Sendable {
    /// The legend name.
    public var name: String
    /// The x coordinates.
    public var x: [Double]
    /// The y coordinates, one per x.
    public var y: [Double]
    /// A half-width to shade around each y, or `nil` for none.
    public var band: [Double]?
    /// Whether the line is dashed (for reference curves).
    public var dashed: Bool
  }

  /// The chart title.
  public var title: String
  /// The x-axis label.
  public var xLabel: String
  /// The y-axis label.
  public var yLabel: String
  /// The lines, drawn in order with the palette's colours.
  public var series: [Series] = []
  /// Horizontal reference lines, with a label each.
  public var referenceLines: [(y: Double, label: String)] = []
  /// An explicit y range; by default it covers every series.
  public var yRange: ClosedRange<Double>?
  /// Alt text; by default it is built from the title and the series names.
  public var description: String?

  /// Creates an empty chart.
  public init(title: String, xLabel: String, yLabel: String) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
  }

  /// Adds a series. Without `x`, the points are numbered 1, 2, 3, …
  public mutating func add(
    _ name: String, x: [Double]? = nil, y: [Double], band: [Double]? = nil, dashed: Bool = false
  ) {
    let xs = x ?? (0..<y.count).map { Double($0 + 1) }
    precondition(xs.count == y.count, "x and y must have the same length")
    precondition(band == nil || band!.count == y.count, "band must match y")
    series.append(Series(name: name, x: xs, y: y, band: band, dashed: dashed))
  }

  /// Adds a labelled horizontal line at height `y`.
  public mutating func addReferenceLine(y: Double, label: String) {
    referenceLines.append((y, label))
  }

  /// A description of the chart for screen readers.
  public var altText: String {
    description
      ?? "\(title): \(yLabel) against \(xLabel) for \(series.map(\.name).joined(separator: "; "))"
  }

  /// The chart as an `<svg>` element.
  public var svg: String {
    let canvas = PlotCanvas()
    let xAxis = PlotAxis(covering: series.flatMap(\.x))
    var yValues = series.flatMap { s in
      s.band.map { b in zip(s.y, b).flatMap { [$0 - $1, $0 + $1] } } ?? s.y
    }
    yValues += referenceLines.map(\.y)
    if let r = yRange { yValues = [r.lowerBound, r.upperBound] }
    let yAxis = PlotAxis(covering: yValues)
    let c = canvas
    func px(_ x: Double) -> Double { xAxis.position(x, from: c.plotLeft, to: c.plotRight) }
    func py(_ y: Double) -> Double {
      let clamped = min(max(y, yAxis.low), yAxis.high)
      return yAxis.position(clamped, from: c.plotBottom, to: c.plotTop)
    }
    var out = c.open(title: title, altText: altText)
    out += c.yAxis(yAxis, label: yLabel)
    for t in xAxis.ticks {
      out += "<text x=\"\(c.n(px(t)))\" y=\"\(c.n(c.plotBottom + 16))\" text-anchor=\"middle\">"
      out += "\(tickLabel(t, step: xAxis.step))</text>\n"
    }
    out += c.xLabel(xLabel)
    for (i, s) in series.enumerated() {
      let color = plotPalette[i % plotPalette.count]
      if let band = s.band {
        let upper = s.x.indices.map { "\(c.n(px(s.x[$0]))),\(c.n(py(s.y[$0] + band[$0])))" }
        let lower = s.x.indices.reversed().map {
          "\(c.n(px(s.x[$0]))),\(c.n(py(s.y[$0] - band[$0])))"
        }
        out += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(color)\" "
        out += "fill-opacity=\"0.18\" stroke=\"none\"/>\n"
      }
      let points = s.x.indices.map { "\(c.n(px(s.x[$0]))),\(c.n(py(s.y[$0])))" }
      let dash = s.dashed ? " stroke-dasharray=\"5 3\"" : ""
      out += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" "
      out += "stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\"\(dash)/>\n"
    }
    for line in referenceLines {
      let y = py(line.y)
      out += "<line x1=\"\(c.n(c.plotLeft))\" x2=\"\(c.n(c.plotRight))\" y1=\"\(c.n(y))\" "
      out += "y2=\"\(c.n(y))\" stroke=\"currentColor\" stroke-dasharray=\"2 4\"/>\n"
      out += "<text x=\"\(c.n(c.plotRight - 4))\" y=\"\(c.n(y - 4))\" text-anchor=\"end\">"
      out += "\(xmlEscaped(line.label))</text>\n"
    }
    out += c.frame()
    out += c.legend(
      series.enumerated().map { ($1.name, plotPalette[$0 % plotPalette.count], $1.dashed) })
    return out + "</svg>"
  }
}
