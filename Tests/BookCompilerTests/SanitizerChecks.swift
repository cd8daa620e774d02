import Foundation
import Testing

@testable import BookCompiler

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Independent checks that sanitised markup is inert, by parsing it (not by searching it).
enum SanitizerChecks {
  /// Collects every element and attribute of an XML document.
  final class Collector: NSObject, XMLParserDelegate {
    var elements = [(name: String, attributes: [String: String])]()
    var sawOther = false
    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) { elements.append((name, attributes)) }
    func parser(_ parser: XMLParser, foundComment comment: String) { sawOther = true }
    func parser(_ parser: XMLParser, foundCDATA block: Data) { sawOther = true }
    func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget t: String, data: String?)
    { sawOther = true }
  }

  /// Why sanitised SVG markup is not inert, or `nil` when it is.
  static func svgProblem(_ markup: String) -> String? {
    let collector = Collector()
    let parser = XMLParser(data: Data(markup.utf8))
    parser.delegate = collector
    guard parser.parse() else { return "does not re-parse as XML" }
    if collector.sawOther { return "has a comment, CDATA or processing instruction" }
    guard collector.elements.first?.name == "svg" else { return "root is not <svg>" }
    let lower = markup.lowercased()
    for banned in ["<!doctype", "<!entity", "<script", "<style", "<foreignobject", "<image"]
    where lower.contains(banned) {
      return "contains \(banned)"
    }
    for (name, attributes) in collector.elements {
      guard SVGAllowlist.elements.contains(name) else { return "element \(name)" }
      for (attribute, value) in attributes {
        let compact = value.lowercased().filter { !$0.isWhitespace }
        if attribute.lowercased().hasPrefix("on") { return "event handler \(attribute)" }
        if !SVGAllowlist.attributes.contains(attribute) { return "attribute \(attribute)" }
        if attribute.hasSuffix("href") && !value.hasPrefix("#") { return "href \(value)" }
        if compact.contains("javascript:") || compact.contains("@import") {
          return "value \(value)"
        }
        if compact.contains("url(") && !compact.contains("url(#") { return "url \(value)" }
      }
    }
    return nil
  }

  /// Tags cmark-gfm writes itself, besides the prose allowlist.
  static let cmarkTags: Set<String> = ["input", "section", "sup", "a", "li", "ol"]

  /// Why prose HTML is not inert, or `nil` when it is: every live tag is allowlisted, has
  /// no event handler or style, and its addresses have allowed schemes.
  static func proseProblem(_ html: String) -> String? {
    var reader = HTMLTagReader(html[...])
    for token in reader.tokens() {
      switch token {
      case .tag(let tag, _):
        guard ProseAllowlist.elements.contains(tag.name) || cmarkTags.contains(tag.name) else {
          return "live tag <\(tag.name)>"
        }
        for (name, value) in tag.attributes {
          if name.hasPrefix("on") || name == "style" || name == "srcdoc" || name == "formaction" {
            return "attribute \(name) on <\(tag.name)>"
          }
          if ["href", "src", "cite", "action", "data"].contains(name),
            !URLPolicy.isAllowed(value)
          {
            return "address \(value)"
          }
        }
      case .other(let text):
        if text.count > 1 { return "unfinished markup \(text.prefix(20))" }
      case .comment:
        break  // the compiler's own placeholders are replaced later; authors' are dropped
      case .text:
        break
      }
    }
    return nil
  }
}
