import CellHarness
import Foundation
import Testing

@testable import BookCompiler

/// The SVG allowlist: known attacks are refused or come out inert; real charts come through.
@Suite struct SVGSanitizerTests {
  static let ns = "xmlns=\"http://www.w3.org/2000/svg\""

  /// Hostile pictures, each of which must be refused.
  static let hostile: [String] = [
    "<svg onload=alert(1)></svg>",
    "<svg onload=\"alert(1)\"></svg>",
    "<svg onload='alert(1)'></svg>",
    "<svg \(ns)\"onload=\"alert(1)\"></svg>",
    "<svg x=\"1\"onload=\"alert(1)\"></svg>",
    "<svg/onload=alert(1)></svg>",
    "<svg ONLOAD=\"alert(1)\"></svg>",
    "<svg\nonload=\"alert(1)\"></svg>",
    "<svg\tonload=\"alert(1)\"></svg>",
    "<svg><rect onclick=\"alert(1)\"/></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"&#106;avascript:alert(1)\"/></svg>",
    "<svg><use href=\"&#x6A;avascript:alert(1)\"/></svg>",
    "<svg><use href=\"jav&#x09;ascript:alert(1)\"/></svg>",
    "<svg><use href=\"JaVaScRiPt:alert(1)\"/></svg>",
    "<svg><use href=\" &#1;javascript:alert(1)\"/></svg>",
    "<svg><use href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\"/></svg>",
    "<svg><use href=\"vbscript:msgbox(1)\"/></svg>",
    "<svg><base href=\"https://evil.example/\"/></svg>",
    "<svg><use href=\"//evil.example/x.svg#x\"/></svg>",
    "<svg><use href=\"https://evil.example/x.svg#x\"/></svg>",
    "<svg><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>",
    "<svg><animate attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
    "<svg><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>",
    "<svg><style>@import url(https://evil.example/x.css);</style></svg>",
    "<svg><rect style=\"background:url(https://evil.example/x)\"/></svg>",
    "<svg><rect style=\"@import 'https://evil.example/x.css'\"/></svg>",
    "<svg><rect fill=\"url(https://evil.example/x#p)\"/></svg>",
    "<svg><rect style=\"fill:u\\72l(https://evil.example/)\"/></svg>",
    "<svg><image href=\"https://evil.example/x.png\"/></svg>",
    "<svg><script>alert(1)</script></svg>",
    "<svg></svg><script>alert(1)</script>",
    "<svg><text>x</text></svg></svg><script>alert(1)</script><svg>",
    "<svg><svg onload=\"alert(1)\"/></svg>",
    "<svg><svg><script>alert(1)</script></svg></svg>",
    "<svg><!--",
    "<svg><text>x</text><!-- </svg>",
    "<svg><iframe src=\"javascript:alert(1)\"/></svg>",
    "<div><svg></svg></div>",
    "<svg xmlns=\"http://evil.example/\"></svg>",
    "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><svg><text>&b;</text></svg>",
    "<!DOCTYPE svg SYSTEM \"file:///etc/passwd\"><svg></svg>",
    "<svg><text>&xxe;</text></svg>",
    "<svg><text>\u{1}</text></svg>",
    "<svg><?pi?></svg>",
    "<svg style=\"position:fixed;top:0;left:0;width:100vw;height:100vh\"></svg>",
    "<svg><rect id=\"search\"/></svg>",
    "<svg><?xml-stylesheet href=\"https://evil.example/x.css\"?></svg>",
    "",
    "not a picture",
  ]

  @Test func hostilePicturesAreRefused() {
    for markup in Self.hostile {
      switch SVGSanitizer.sanitize(markup) {
      case .success(let clean):
        Issue.record("accepted \(markup) as \(clean)")
      case .failure(let rejection):
        #expect(!rejection.description.isEmpty)
      }
    }
  }

  /// What may be dropped rather than refused comes out inert: the XML declaration, comments,
  /// CDATA; character references are decoded and escaped again.
  @Test func harmlessExtrasAreDroppedAndTheRestEscaped() throws {
    let markup =
      "<?xml version=\"1.0\"?><svg \(Self.ns)><!-- a comment --><![CDATA[<script>alert(1)</script>]]>"
      + "<title>a &lt;b&gt; &amp; &#106;avascript:</title><rect fill=\"url(#g)\"/></svg>"
    let clean = try SVGSanitizer.sanitize(markup).get()
    #expect(
      clean
        == "<svg \(Self.ns)><title>a &lt;b&gt; &amp; javascript:</title><rect fill=\"url(#g)\"/></svg>"
    )
    #expect(SanitizerChecks.svgProblem(clean) == nil)
  }

  @Test func aLegitimateChartWithOnlyEqualsOneInItsTitleComesThrough() throws {
    let markup = """
      <svg \(Self.ns) viewBox="0 0 100 50" role="img" aria-label="Bandit, only = 1 arm" font-size="12">
      <title>Bandit, only = 1 arm; on = off</title>
      <defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>
      <line x1="0" x2="10" y1="0" y2="10" stroke="currentColor" stroke-opacity="0.12"/>
      <polyline points="0,0 1,1" fill="none" stroke="url(#g)" stroke-width="2"/>
      <text x="1" y="2" text-anchor="end">only = 1 &amp; ε</text>
      </svg>
      """
    let clean = try SVGSanitizer.sanitize(markup).get()
    #expect(clean == markup)
    #expect(SanitizerChecks.svgProblem(clean) == nil)
    #expect(OutputDecoder.isSafeSVG(clean))
  }

  /// Every picture the book records passes unchanged, byte for byte.
  @Test func everyRecordedPictureOfTheBookComesThroughUnchanged() throws {
    let folder = packageRoot.appendingPathComponent("chapters")
    var count = 0
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    where name.hasSuffix(".out") {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      for output in try #require(RecordedOutputs.parse(text)) {
        for case .svg(_, let markup) in output.items {
          count += 1
          let clean = try SVGSanitizer.sanitize(markup).get()
          #expect(clean == markup, "\(name)")
          #expect(SanitizerChecks.svgProblem(clean) == nil, "\(name)")
        }
      }
    }
    #expect(count >= 20)
  }

  /// A refused frame is shown as text and reported; an accepted one is a picture.
  @Test func theDecoderWarnsAboutARefusedFrame() {
    let begin = DisplayFrame.begin
    let end = DisplayFrame.end
    let stdout =
      "\(begin)bad\n<svg><script>alert(1)</script></svg>\n\(end)\n"
      + "\(begin)good\n<svg \(Self.ns)><rect/></svg>\n\(end)\n"
    var warnings = [SVGRejection]()
    let items = OutputDecoder.items(
      fromStdout: Data(stdout.utf8), truncated: false, warn: { warnings.append($0) })
    #expect(
      items == [
        .text("<svg><script>alert(1)</script></svg>"),
        .svg(alt: "good", markup: "<svg \(Self.ns)><rect/></svg>"),
      ])
    #expect(warnings.map(\.description) == ["the element <script> is not allowed"])
  }
}
