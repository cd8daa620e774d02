import Foundation
import Testing

@testable import BookCompiler

/// A book whose cell displays a hostile picture and whose prose has hostile HTML builds; the
/// page has none of it live, and the build warns about the picture at the cell's line.
@Suite struct HostileBookTests {
  @Test func hostilePictureAndProseAreInertAndWarned() throws {
    let frame =
      "<svg xmlns=\\\"http://www.w3.org/2000/svg\\\"><rect/>\\n</svg><script>alert(1)</script>"
    let source = """
      # Hostile

      Prose with <img src=x onerror=alert(1)> and [a link](javascript:alert(2)) and
      <a href="jav&#x09;ascript:alert(3)">another</a>.

      <form action="https://evil.example/"><input name="p"></form>

      ```swift
      print("\\u{1}rlbook-display svg bad")
      print("\(frame)")
      print("\\u{1}rlbook-display end")
      ```

      <div style="position:fixed">Overlay</div>
      """
    let book = try TestBook(["01-hostile.md": source])
    let report = try book.run()
    #expect(report.succeeded, "\(report.errors)")
    let fence = try #require(fenceLines(source).first)
    #expect(report.warnings.count == 1, "\(report.warnings)")
    let warning = try #require(report.warnings.first)
    #expect(warning.line == fence)
    #expect(
      warning.description.hasPrefix(
        "chapters/01-hostile.md:\(fence): warning: the picture from this cell was not shown: "))
    let page = book.page("01-hostile")
    #expect(!page.isEmpty)
    let article = try #require(page.range(of: "<article")).lowerBound
    let body = String(page[article...])
    #expect(!body.contains("<script>alert") && !body.contains("onerror="))
    #expect(!body.lowercased().contains("javascript:alert(2)\""))
    #expect(!body.contains("<form") && !body.contains("style=\"position"))
    #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the picture shown as text")
    #expect(!body.contains("href=\"jav"))

    // The command line prints the warning too (here from a forced run) and still succeeds.
    let tool = try book.runTool(["build", "--force"])
    #expect(tool.status == 0)
    #expect(tool.stderr.contains("chapters/01-hostile.md:\(fence): warning: the picture"))
  }
}
