import Foundation
import Testing

@testable import BookCompiler

/// Seeded fuzzing of both sanitisers with random and mutated markup. For SVG: whatever is
/// accepted re-parses as XML, uses only allowlisted names, and is a fixed point (sanitising
/// it again changes nothing). For prose: the output has no live tag or attribute outside the
/// allowlist, no dangerous address, and is a fixed point too.
@Suite struct SanitizerFuzzTests {
  static let svgPieces = [
    "<svg xmlns=\"http://www.w3.org/2000/svg\">", "<svg>", "</svg>", "<g>", "</g>",
    "<rect x=\"1\"/>", "<line x1=\"0\" stroke=\"red\"/>", "<text>", "</text>", "a < b", "&lt;",
    "&amp;", "&#106;", "&#x6A;", "javascript:", " onload=\"x\"", "\"onclick=\"y\"", "/onload=z",
    "<script>", "</script>", "<style>", "@import", "url(", "url(#a)", "url(http://e/)",
    "<use href=\"#a\"/>", "<use href=\"//e#x\"/>", "<image href=\"http://e/\"/>", "<!--", "-->",
    "<![CDATA[", "]]>", "<?pi?>", "<!DOCTYPE svg>", "<!ENTITY a \"b\">", "&a;", "<foreignObject>",
    "<animate attributeName=\"href\" to=\"javascript:x\"/>", "<set to=\"x\"/>", "\n", "\t",
    "\"", "'", "=", "<", ">", "/>", "<title>only = 1</title>", "style=\"fill:url(#g)\"",
    "<a xlink:href=\"javascript:x\">", "</a>", "ε",
  ]

  static let htmlPieces = [
    "<img", "<a", "<div", "<script", "<svg", "<details", "</a>", "</div>", ">", "/>", "/",
    " src=x", " src=\"x\"", " src='x'", " src=`x`", " href=\"javascript:x\"", " href=#f",
    " href=\"jav&#x09;ascript:x\"", " href=&#106;avascript:x", " onerror=alert(1)",
    "\"onload=x", "'onload=y", " ONCLICK=z", "\n", "\t", " ", "=", "\"", "'", "`", "<", "<!--",
    "-->", "<!", "<?", "&", "&#", "&colon;", ":", "text", " open", " id=search", " style=x",
    "[x](javascript:y)", "<javascript:x>", "$x$", "RLBOOKMATH0Z", "</", "<scr<script>ipt>",
  ]

  @Test(.timeLimit(.minutes(10)))  // a guard against hangs, not a speed goal
  func svgSanitizer() throws {
    var random = FuzzRandom(seed: 11)
    let chart = try SVGSanitizer.sanitize(
      """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><title>only = 1</title>
      <line x1="0" x2="1" y1="0" y2="1" stroke="currentColor"/><text x="1">a &amp; b</text></svg>
      """
    ).get()
    var accepted = 0
    for round in 0..<10_000 {
      var text = ""
      if round.isMultiple(of: 2) {
        text = String(decoding: random.mutate(Array(chart.utf8)), as: UTF8.self)
      } else {
        for _ in 0..<(1 + random.int(below: 14)) {
          text += Self.svgPieces[random.int(below: Self.svgPieces.count)]
        }
      }
      guard case .success(let clean) = SVGSanitizer.sanitize(text) else { continue }
      accepted += 1
      #expect(SanitizerChecks.svgProblem(clean) == nil, "round \(round): \(clean)")
      #expect((try? SVGSanitizer.sanitize(clean).get()) == clean, "round \(round)")
    }
    #expect(accepted > 200)
  }

  @Test(.timeLimit(.minutes(10)))  // a guard against hangs, not a speed goal
  func proseSanitizer() {
    var random = FuzzRandom(seed: 12)
    for round in 0..<6_000 {
      var text = ""
      for _ in 0..<(1 + random.int(below: 16)) {
        text +=
          random.int(below: 10) == 0
          ? String(decoding: random.bytes(1 + random.int(below: 3)), as: UTF8.self)
          : Self.htmlPieces[random.int(below: Self.htmlPieces.count)]
      }
      let filtered = ProseSanitizer.filterHTML(text)
      #expect(SanitizerChecks.proseProblem(filtered) == nil, "round \(round): \(filtered)")
      #expect(ProseSanitizer.filterHTML(filtered) == filtered, "round \(round): \(text)")
      if round.isMultiple(of: 4) {
        let html = MarkdownDocument.parse(text).html
        #expect(SanitizerChecks.proseProblem(html) == nil, "round \(round): \(html)")
      }
    }
  }
}
