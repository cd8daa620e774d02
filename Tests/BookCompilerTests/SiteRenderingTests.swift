import Foundation
import Testing

@testable import BookCompiler

@Suite struct MathExtractionTests {
  @Test func findsInlineAndDisplayFormulasWithTheirLines() {
    let source = "# T\n\nA $x^2$ and\n\n$$\n\\sum_i a_i\n$$\n\nend $y$.\n"
    let (text, formulas) = MathExtractor.extract(source)
    #expect(formulas.map(\.tex) == ["x^2", "\\sum_i a_i", "y"])
    #expect(formulas.map(\.display) == [false, true, false])
    #expect(formulas.map(\.line) == [3, 5, 9])
    #expect(!text.contains("$"))
    #expect(text.contains(MathExtractor.placeholder(1)))
  }

  @Test func leavesCodeEscapesAndPricesAlone() {
    let source = """
      # T

      Costs $5 and $10 today. A literal \\$x\\$ stays. Code `$a$` stays.

      ```swift
      let s = "$b$"
      ```

          indented $c$ code
      """
    let document = ChapterDocument.parse(source)
    #expect(document.formulas.isEmpty)
    #expect(
      document.parsed.codeBlocks.map(\.literal) == ["let s = \"$b$\"\n", "indented $c$ code\n"])
    #expect(document.parsed.html.contains("Costs $5 and $10 today."))
  }

  /// A formula over several lines keeps the line numbers of everything after it, and its
  /// filler lines never reach the HTML.
  @Test func aMultilineFormulaKeepsLineNumbers() {
    let source = "# T\n\nBefore\n$$\na\n+ b\n$$\nafter.\n\n## Later\n\n```swift\nlet x = 1\n```\n"
    let document = ChapterDocument.parse(source)
    #expect(document.formulas.map(\.line) == [4])
    #expect(document.parsed.headings.map(\.line) == [1, 10])
    #expect(document.parsed.codeBlocks.map(\.startLine) == [12])
    #expect(!document.parsed.html.contains(MathExtractor.filler))
    #expect(document.parsed.html.contains(MathExtractor.placeholder(0) + "\nafter."))
  }

  /// Something in code that looks like a formula and reaches into prose is not one: the
  /// text is parsed again around the code blocks.
  @Test func dollarsInCodeNeverPairWithProse() {
    let source = "# T\n\n```swift\nlet s = \"$$\"\n```\nSee $$x$$ here.\n"
    let document = ChapterDocument.parse(source)
    #expect(document.formulas.map(\.tex) == ["x"])
    #expect(document.parsed.codeBlocks.map(\.literal) == ["let s = \"$$\"\n"])
  }

  @Test func inlineMathMustHugItsDollars() {
    #expect(MathExtractor.extract("a $ x $ b").formulas.isEmpty)
    #expect(MathExtractor.extract("a $x$ b").formulas.count == 1)
  }

  @Test func aFormulaNeverCrossesAParagraph() {
    #expect(MathExtractor.extract("a $x\n\ny$ b").formulas.isEmpty)
  }
}

@Suite struct HighlightingTests {
  @Test func classifiesSwiftTokens() {
    let html = SwiftHighlighter.highlight("let n = 42 // answer\nvar s: String = \"hi\"")
    #expect(html.contains("<span class=\"k\">let</span>"))
    #expect(html.contains("<span class=\"n\">42</span>"))
    #expect(html.contains("<span class=\"c\">// answer</span>"))
    #expect(html.contains("<span class=\"t\">String</span>"))
    #expect(html.contains("<span class=\"s\">"))
  }

  @Test func escapesAndKeepsEveryCharacter() {
    let code = "if a < b && c > d { print(\"<&>\") } // é ✓"
    let html = SwiftHighlighter.highlight(code)
    let text = SearchIndex.plainText(html)
    #expect(text == code)
    #expect(!html.contains("<b"))
  }
}

@Suite struct SiteFilesTests {
  @Test func refusesEverythingOutsideTheSite() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rlbook-sitefiles-\(getpid())")
    let site = root.appendingPathComponent("site")
    try FileManager.default.createDirectory(
      at: site.appendingPathComponent("assets"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
    try Data("<p>hi</p>".utf8).write(to: site.appendingPathComponent("index.html"))
    try FileManager.default.createSymbolicLink(
      atPath: site.appendingPathComponent("escape.txt").path,
      withDestinationPath: root.appendingPathComponent("secret.txt").path)

    #expect(SiteFiles.resolve("/", in: site) != .forbidden)
    if case .file(let url) = SiteFiles.resolve("/index.html?x=1", in: site) {
      #expect(url.lastPathComponent == "index.html")
    } else {
      Issue.record("index.html should resolve")
    }
    for path in [
      "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/%252e%252e/secret.txt",
      "/assets/../../secret.txt", "/escape.txt", "/.hidden", "/a\\..\\b", "relative.html",
    ] {
      #expect(SiteFiles.resolve(path, in: site) == .forbidden, "\(path) must be refused")
    }
    #expect(SiteFiles.resolve("/missing.html", in: site) == .notFound)
  }
}

@Suite struct SearchIndexTests {
  @Test func plainTextDropsTagsSkippedRegionsAndPlots() {
    let html =
      "<p>The <em>return</em>, discounted.</p>\(SearchIndex.skipStart)<div>Copy</div>\(SearchIndex.skipEnd)"
      + "<figure><svg><text>axis</text></svg></figure><p>a &lt; b</p>"
    #expect(SearchIndex.plainText(html) == "The return, discounted. a < b")
  }

  @Test func jsonEscapesScriptBreakers() {
    #expect(SearchIndex.json("</script>\n\"") == "\"\\u003c/script>\\n\\\"\"")
  }
}

/// Formulas cannot link or load anything, and cannot grow without bound.
@Suite struct FormulaSafetyTests {
  @Test func linkingCommandsAreFound() {
    #expect(KaTeX.forbiddenCommand(in: "\\href{javascript:alert(1)}{x}") == "\\href")
    #expect(KaTeX.forbiddenCommand(in: "a + \\url{http://x}") == "\\url")
    #expect(KaTeX.forbiddenCommand(in: "\\hrefx + \\urlstyle") == nil)
    #expect(KaTeX.forbiddenCommand(in: "\\sum_i x_i") == nil)
  }

  @Test func aFormulaWithHrefIsAnErrorAtItsLine() throws {
    let book = try TestBook(["01-link.md": "# Link\n\nSee $\\href{javascript:alert(1)}{x}$.\n"])
    let report = try book.run()
    let error = try #require(report.errors.first)
    #expect(error.stage == .render && error.location == "chapters/01-link.md:3")
    #expect(error.message.contains("\\href is not allowed"))
    #expect(!report.wroteSite)
  }
}
