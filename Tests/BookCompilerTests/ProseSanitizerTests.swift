import Foundation
import Testing

@testable import BookCompiler

/// Raw HTML and links in prose: known attacks come out inert, ordinary Markdown and the
/// allowed tags render as before.
@Suite struct ProseSanitizerTests {
  /// Hostile prose, in Markdown or raw HTML, inline and as blocks.
  static let hostile: [String] = [
    "<img src=x onerror=alert(1)>",
    "<img src=\"x\" onerror=\"alert(1)\">",
    "<img src='x' onerror='alert(1)'>",
    "<img src=`x` onerror=`alert(1)`>",
    "<img src=\"x\"onerror=\"alert(1)\">",
    "<img/src=x/onerror=alert(1)>",
    "<IMG SRC=x ONERROR=alert(1)>",
    "<img\nsrc=x\nonerror=alert(1)>",
    "<img\tsrc=x\tonerror=alert(1)>",
    "text <img src=x onerror=alert(1)> inline",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<scr<script>ipt>alert(1)</script>",
    "<script>alert(1)</script>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
    "<a href=\"&#x6A avascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\" \u{1}javascript:alert(1)\">x</a>",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=javascript:alert(1)>x</a>",
    "[x](javascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html,hi)",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "<form action=\"https://evil.example/\"><input name=p></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
    "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%\">x</div>",
    "<base href=\"https://evil.example/\">",
    "<iframe src=\"https://evil.example/\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<details open ontoggle=alert(1)>x</details>",
    "<a href=\"#\" onclick=\"alert(1)\">x</a>",
    "<a href=\"x\" \"onclick=alert(1)\">x</a>",
    "<div id=\"search\">x</div>",
    "<!-- unclosed comment\n\nstill here",
    "<!--rlbook-block-0-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<style>body{display:none}</style>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<a title=\"$x$\" href=\"#a\">x</a>",
    "<img src=\"x\" alt=\"y\" o\nnerror=alert(1)>",
  ]

  @Test func hostileProseIsInert() {
    for source in Self.hostile {
      let html = MarkdownDocument.parse(source + "\n").html
      #expect(SanitizerChecks.proseProblem(html) == nil, "\(source) → \(html)")
      let lower = html.lowercased()
      #expect(!lower.contains("<script") && !lower.contains("<iframe"), "\(html)")
      #expect(!lower.contains("<style") && !lower.contains("<form") && !lower.contains("<meta"))
      #expect(!lower.contains("<base") && !lower.contains("<svg") && !lower.contains("<!--"))
    }
  }

  @Test func allowedTagsKeepTheirAllowedAttributes() {
    #expect(
      ProseSanitizer.filterHTML(
        "<details open><summary>More</summary><a href=\"https://x.org/?a=1&amp;b=2\" "
          + "onclick=\"y\" class=\"c\">link</a></details>")
        == "<details open><summary>More</summary><a href=\"https://x.org/?a=1&amp;b=2\">"
        + "link</a></details>")
    #expect(ProseSanitizer.filterHTML("<img src=x onerror=alert(1)>") == "<img src=\"x\">")
    #expect(ProseSanitizer.filterHTML("<br/>") == "<br />")
    #expect(ProseSanitizer.filterHTML("<kbd>Ctrl</kbd>") == "<kbd>Ctrl</kbd>")
    #expect(
      ProseSanitizer.filterHTML("<scr<script>ipt>") == "&lt;scr&lt;script&gt;ipt&gt;")
    #expect(ProseSanitizer.filterHTML("<a href=\"mailto:a@b.c\">") == "<a href=\"mailto:a@b.c\">")
    #expect(ProseSanitizer.filterHTML("<a href=\"#part\">") == "<a href=\"#part\">")
    #expect(ProseSanitizer.filterHTML("<a href=\"../x.html\">") == "<a href=\"../x.html\">")
    #expect(ProseSanitizer.filterHTML("<a href=\"jav&#x09;ascript:x\">") == "<a>")
    #expect(ProseSanitizer.filterHTML("<div id=\"cell-1\">") == "<div>")
  }

  @Test func urlPolicy() {
    for good in ["https://a.org", "http://a.org", "mailto:a@b.c", "x.html", "#f", "/a:b", "?q=a:b"]
    {
      #expect(URLPolicy.isAllowed(good), "\(good)")
    }
    for bad in [
      "javascript:x", " javascript:x", "\u{1}javascript:x", "JAVASCRIPT:x", "java\tscript:x",
      "java\nscript:x", "data:text/html,x", "vbscript:x", "file:///etc/passwd",
    ] {
      #expect(!URLPolicy.isAllowed(bad), "\(bad)")
    }
  }

  /// Ordinary Markdown renders exactly as cmark-gfm renders it without the sanitiser.
  @Test func ordinaryMarkdownIsUnchanged() {
    let source = """
      # Title

      Some *prose* with a [link](https://example.com "t"), <https://example.com>, www.example.com,
      an ![image](pic.png), `code`, ~~gone~~ and a footnote[^1].

      | a | b |
      |---|--:|
      | 1 | 2 |

      - [ ] task

      [^1]: The note.

      """
    let html = MarkdownDocument.parse(source).html
    #expect(html.contains("<a href=\"https://example.com\" title=\"t\">link</a>"))
    #expect(html.contains("<img src=\"pic.png\" alt=\"image\" />"))
    #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
    #expect(html.contains("<del>gone</del>"))
    #expect(SanitizerChecks.proseProblem(html) == nil)
  }
}
