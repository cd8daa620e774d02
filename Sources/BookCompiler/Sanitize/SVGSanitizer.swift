import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Makes an SVG picture from a cell's `display(_:)` safe to put in a page, or refuses it.
///
/// The markup is parsed as XML (character references decoded by the parser, so
/// `&#106;avascript:` is seen as `javascript:`), checked against `SVGAllowlist`, and written
/// out again from the parse: elements, allowed attributes in a fixed order, and text, all
/// escaped. Comments and CDATA are dropped; the input string itself never reaches the page.
///
/// The policy is to reject, not to repair: a picture that is not well-formed, has a DOCTYPE
/// or a processing instruction (other than a leading `<?xml …?>` declaration),
/// has a root other than one `<svg>`, or uses any element or attribute outside the allowlist
/// (or a link or `url(…)` that leaves the picture) is refused as a whole, with a reason, and
/// the cell shows its markup as escaped text instead.
public enum SVGSanitizer {
  /// The deepest nesting of elements accepted.
  static let maximumDepth = 200

  /// The picture, re-serialised from its parse, or why it was refused.
  public static func sanitize(_ markup: String) -> Result<String, SVGRejection> {
    let lower = markup.lowercased()
    if lower.contains("<!doctype") || lower.contains("<!entity") {
      return .failure(SVGRejection("it has a DOCTYPE or entity declaration"))
    }
    if lower.contains(SVGReader.wrapper) {
      return .failure(SVGRejection("it contains the name '\(SVGReader.wrapper)'"))
    }
    let body = withoutDeclaration(markup)
    // Refused rather than dropped: FoundationXML crashes on an empty one (`<?pi?>`).
    if body.contains("<?") { return .failure(SVGRejection("it has a processing instruction")) }
    let reader = SVGReader()
    let wrapped = "<\(SVGReader.wrapper)>\(body)</\(SVGReader.wrapper)>"
    let parser = XMLParser(data: Data(wrapped.utf8))
    parser.shouldResolveExternalEntities = false
    parser.shouldProcessNamespaces = false
    parser.shouldReportNamespacePrefixes = false
    parser.delegate = reader
    let parsed = parser.parse()
    if let rejection = reader.rejection { return .failure(rejection) }
    guard parsed, parser.parserError == nil, !reader.malformed, reader.finished,
      reader.wrapperClosed
    else {
      let why = parser.parserError.map { " (\(($0 as NSError).code))" } ?? ""
      return .failure(
        SVGRejection("it is not well-formed XML, near line \(parser.lineNumber)\(why)"))
    }
    return .success(reader.output)
  }

  /// `markup` without a leading XML declaration (`<?xml version="1.0"?>`), which may only
  /// come first and so cannot stay inside `SVGReader.wrapper`.
  static func withoutDeclaration(_ markup: String) -> Substring {
    let trimmed = markup.drop { $0.isWhitespace }
    guard trimmed.hasPrefix("<?xml"), let end = trimmed.range(of: "?>") else {
      return markup[...]
    }
    return trimmed[end.upperBound...]
  }

  /// Why the element `name` with `attributes` is refused, or `nil` when it is allowed.
  static func problem(element name: String, attributes: [String: String]) -> String? {
    guard SVGAllowlist.elements.contains(name) else {
      return "the element <\(name)> is not allowed"
    }
    for (attribute, value) in attributes {
      guard SVGAllowlist.attributeOrder[attribute] != nil else {
        return "the attribute '\(attribute)' on <\(name)> is not allowed"
      }
      if let namespace = SVGAllowlist.namespaces[attribute], value != namespace {
        return "'\(attribute)' on <\(name)> is not the SVG namespace"
      }
      if attribute == "id", !ProseAllowlist.isAllowedId(value) {
        return "the id '\(value)' on <\(name)> is one the page uses"
      }
      if SVGAllowlist.linkAttributes.contains(attribute), !URLPolicy.isFragment(value) {
        return "'\(attribute)' on <\(name)> points outside the picture"
      }
      if !SVGAllowlist.textAttributes.contains(attribute),
        SVGAllowlist.namespaces[attribute] == nil, let issue = StylePolicy.problem(in: value)
      {
        return "'\(attribute)' on <\(name)> has \(issue)"
      }
    }
    return nil
  }
}

/// Why a picture was refused, in words for the author.
public struct SVGRejection: Error, Sendable, Equatable, CustomStringConvertible {
  /// The reason, such as "the element <script> is not allowed".
  public var description: String

  /// Creates a rejection with its reason.
  public init(_ description: String) {
    self.description = description
  }
}
