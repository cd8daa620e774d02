import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The XML parser's delegate for `SVGSanitizer`: checks each element as it starts and writes
/// the sanitised markup as it goes, stopping at the first thing that is not allowed.
final class SVGReader: NSObject, XMLParserDelegate {
  /// The markup written so far.
  private(set) var output = ""
  /// The first problem found, if any.
  private(set) var rejection: SVGRejection?
  /// Whether the `<svg>` element was closed.
  private(set) var finished = false
  /// Whether the XML parser reported an error (the markup is not well-formed).
  private(set) var malformed = false
  /// Whether the wrapper around the markup was closed, so nothing was left unread.
  private(set) var wrapperClosed = false
  /// The open elements' names, the wrapper first.
  private var open = [String]()

  /// The element `SVGSanitizer` wraps the markup in, so that anything beside the `<svg>`
  /// element (a second element, text, `</svg><script>`) is seen rather than ignored.
  static let wrapper = "rlbook-frame"
  /// Whether the last start tag is still unclosed (`<name attrs` without its `>`), so an
  /// element without content can be written `<name …/>`.
  private var startTagPending = false

  private func reject(_ parser: XMLParser, _ reason: String) {
    if rejection == nil { rejection = SVGRejection(reason) }
    parser.abortParsing()
  }

  private func closePendingStartTag() {
    if startTagPending {
      output += ">"
      startTagPending = false
    }
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    guard rejection == nil else { return }
    if open.isEmpty && name == Self.wrapper {
      open.append(name)
      return
    }
    if open.count == 1 && (finished || name != "svg") {
      return reject(parser, "it has an element <\(name)> beside its one <svg>")
    }
    if open.count >= SVGSanitizer.maximumDepth {
      return reject(parser, "its elements are nested too deeply")
    }
    if let problem = SVGSanitizer.problem(element: name, attributes: attributes) {
      return reject(parser, problem)
    }
    closePendingStartTag()
    output += "<" + name
    let ordered = attributes.sorted {
      SVGAllowlist.attributeOrder[$0.key]! < SVGAllowlist.attributeOrder[$1.key]!
    }
    for (attribute, value) in ordered {
      output += " \(attribute)=\"\(HTML.escape(value))\""
    }
    startTagPending = true
    open.append(name)
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    guard rejection == nil, !open.isEmpty else { return }
    open.removeLast()
    if open.isEmpty {
      wrapperClosed = true
      return
    }
    if startTagPending {
      output += "/>"
      startTagPending = false
    } else {
      output += "</\(name)>"
    }
    if open.count == 1 { finished = true }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard rejection == nil else { return }
    guard open.count > 1 else {
      if string.contains(where: { !$0.isWhitespace }) {
        reject(parser, "it has text outside the <svg> element")
      }
      return
    }
    closePendingStartTag()
    output += HTML.escape(string)
  }

  func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespace: String) {
    self.parser(parser, foundCharacters: whitespace)
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    malformed = true
  }

  func parser(
    _ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?
  ) {
    reject(parser, "it declares entities")
  }

  func parser(
    _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?,
    systemID: String?
  ) {
    reject(parser, "it declares entities")
  }

  func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?)
    -> Data?
  {
    reject(parser, "it refers to an external entity")
    return nil
  }
}
