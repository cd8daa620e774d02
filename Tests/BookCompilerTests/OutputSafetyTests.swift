import CellHarness
import Foundation
import Testing

@testable import BookCompiler

/// Whatever bytes a cell writes, the record and the page stay safe, bounded and the same
/// from run to run.
@Suite struct OutputSafetyTests {
  /// 100 MiB from one cell: the record keeps the documented cap and says it was cut; the
  /// next cell is unaffected; `rlbook` itself stays small (its own peak RSS, from /proc).
  @Test func aFloodIsCappedAndMarkedAndMemoryStaysBounded() throws {
    let source = chapter(
      "Flood",
      [
        (
          "",
          "let line = String(repeating: \"x\", count: 1023)\nfor _ in 0..<(100 * 1024) { print(line) }"
        ),
        ("", "print(\"next cell\")"),
      ])
    let book = try TestBook(["01-flood.md": source])
    let process = try book.startTool(["build"])
    let peakKiB = peakResidentKiB(of: process)
    #expect(process.terminationStatus == 0)
    let outputs = try #require(book.recorded("01-flood"))
    let text = printedText(outputs[0])
    #expect(text.hasSuffix(OutputDecoder.truncationNote))
    #expect(text.utf8.count <= OutputCap.bytesPerStream + 200)
    #expect(text.utf8.count > OutputCap.bytesPerStream - 2048)
    #expect(outputs[1].items == [.text("next cell")])
    #expect(peakKiB > 0 && peakKiB < 160 * 1024, "rlbook's peak RSS was \(peakKiB / 1024) MiB")
  }

  @Test func aCappedFileIsReadOnlyUpToTheCap() throws {
    let book = try TestBook()
    let path = book.root.appendingPathComponent("big").path
    FileManager.default.createFile(
      atPath: path, contents: Data(repeating: 0x61, count: OutputCap.bytesPerStream + 10))
    let (data, truncated) = try OutputDecoder.read(path)
    #expect(data.count == OutputCap.bytesPerStream && truncated)
    let stderr = OutputDecoder.text(fromStderr: Data("oops\n".utf8), truncated: true)
    #expect(stderr == "oops\n" + OutputDecoder.truncationNote)
  }

  @Test func controlBytesBecomeVisibleSymbolsAndEscapesAreDropped() {
    let bytes: [UInt8] =
      Array("a".utf8) + [0xFF, 0xFE] + Array("b".utf8) + [0x00] + Array("c".utf8)
      + [0x1B] + Array("[31mred".utf8) + [0x1B] + Array("[0m".utf8)
      + [0x1B] + Array("]0;title".utf8) + [0x07] + Array("d\r\ne\rf\u{7F}\t.\n\n".utf8)
    let items = OutputDecoder.items(fromStdout: Data(bytes), truncated: false)
    #expect(items == [.text("a\u{FFFD}\u{FFFD}b\u{2400}credd\ne\nf\u{2421}\t.")])
    // The same bytes always give the same text.
    #expect(OutputDecoder.items(fromStdout: Data(bytes), truncated: false) == items)
  }

  /// Invalid UTF-8, NUL, ANSI codes and `<script>` from a real cell; `<script>` in the code
  /// and in the prose. One chapter, one compile.
  @Test func hostileOutputCodeAndProseAreRenderedSafely() throws {
    let source = """
      # Hostile <script>alert("title")</script>

      Prose with <script>alert("prose")</script>, <b>bold</b>, <iframe src="x"></iframe>.

      ```swift
      import Foundation
      FileHandle.standardOutput.write(Data([0x61, 0xFF, 0x62, 0x00, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x72, 0x0A]))
      print("<script>alert('out')</script>")
      FileHandle.standardError.write("<img src=x onerror=alert(1)>\\n".data(using: .utf8)!)
      let s = "</script><script>alert('code')</script>"
      ```

      ```html
      <script>alert("fence")</script>
      ```
      """
    let book = try TestBook(["01-hostile.md": source])
    let report = try book.run()
    #expect(report.errors.isEmpty, "\(report.errors)")
    let record = try #require(book.read("chapters/01-hostile.out"))
    #expect(record.contains("│ a\u{FFFD}b\u{2400}r\n"))
    #expect(!record.contains("\u{1B}") && !record.contains("\u{0}"))
    let page = book.page("01-hostile")
    let scripts = page.components(separatedBy: "<script").count - 1
    // The site's own: script files, and the inline theme switch set before first paint.
    let ownScripts =
      page.components(separatedBy: "<script src=").count - 1
      + page.components(separatedBy: "<script>try{var t=localStorage").count - 1
    #expect(scripts == ownScripts, "only the site's own scripts are real <script> tags")
    #expect(page.contains("&lt;script&gt;alert(&#39;out&#39;)&lt;/script&gt;"))
    #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
    #expect(page.contains("&lt;/script&gt;&lt;script&gt;alert(&#39;code&#39;)"))
    #expect(page.contains("&lt;script&gt;alert(&quot;fence&quot;)"))
    // The prose allowlist (ProseSanitizer): <script> and <iframe> are shown as text, <b> passes.
    #expect(page.contains("&lt;script&gt;alert(&quot;prose&quot;)&lt;/script&gt;"))
    #expect(page.contains("&lt;iframe src=\"x\"&gt;"))
    #expect(page.contains("<b>bold</b>"))
    #expect(!page.contains("\u{1B}") && !page.contains("\u{0}"))
    let index = try #require(book.read("site/index.html"))
    #expect(!index.contains("<script>alert"))
  }
}
