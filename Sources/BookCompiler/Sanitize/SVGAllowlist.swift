/// What an SVG picture from `display(_:)` may contain: enough for the charts the RL library
/// draws and for reasonable hand-made pictures, and nothing that runs, fetches or animates.
///
/// Anything else (`script`, `style`, `foreignObject`, `image`, `a`, animation elements, event
/// handlers, any attribute not listed) makes `SVGSanitizer` reject the whole picture.
enum SVGAllowlist {
  /// The elements a picture may use.
  static let elements: Set<String> = [
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata",
    "line", "polyline", "polygon", "path", "rect", "circle", "ellipse",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "clipPath", "mask", "marker", "pattern",
  ]

  /// The attributes a picture may use, in the order they are written back out. The order
  /// follows the RL library's own charts, so that their markup comes through unchanged.
  static let attributes: [String] = [
    "xmlns", "xmlns:xlink", "id", "class", "viewBox", "preserveAspectRatio", "transform",
    "x1", "x2", "y1", "y2", "x", "y", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
    "dx", "dy", "width", "height", "d", "points", "pathLength", "rotate", "textLength",
    "lengthAdjust", "startOffset", "href", "xlink:href",
    "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "focusable",
    "lang", "xml:lang", "xml:space",
    "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
    "font-family", "font-size", "font-weight", "font-style", "font-variant", "letter-spacing",
    "word-spacing", "text-decoration", "writing-mode",
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-opacity", "stroke-width",
    "stroke-linejoin", "stroke-linecap", "stroke-dasharray", "stroke-dashoffset",
    "stroke-miterlimit", "opacity", "color", "display", "visibility", "overflow",
    "vector-effect", "shape-rendering", "text-rendering", "paint-order",
    "clip-path", "clip-rule", "mask", "marker-start", "marker-mid", "marker-end",
    "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform",
    "spreadMethod", "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient",
    "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits",
    "maskContentUnits", "style",
  ]

  /// Each allowed attribute's place in `attributes`.
  static let attributeOrder: [String: Int] = Dictionary(
    uniqueKeysWithValues: attributes.enumerated().map { ($1, $0) })

  /// Attributes whose value is plain text or a name, never CSS: the only ones where
  /// `url(` may appear freely (in a label, say).
  static let textAttributes: Set<String> = [
    "id", "class", "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
    "lang", "xml:lang", "xml:space",
  ]

  /// Attributes that hold a link: only an in-picture `#fragment` is allowed.
  static let linkAttributes: Set<String> = ["href", "xlink:href"]

  /// The only values the namespace declarations may have.
  static let namespaces = [
    "xmlns": "http://www.w3.org/2000/svg", "xmlns:xlink": "http://www.w3.org/1999/xlink",
  ]
}
