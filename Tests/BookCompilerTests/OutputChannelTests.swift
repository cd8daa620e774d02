import CellHarness
import Foundation
import Testing

@testable import BookCompiler

/// The channel from a cell to its record: no output is lost or wrong without the build
/// saying so, whatever the cell does to its streams, its descriptors or the disk.
@Suite struct OutputChannelTests {
  /// Whether this process may mount a tmpfs (it must be root, with CAP_SYS_ADMIN).
  static let canMount: Bool = {
    guard let folder = try? TemporaryMount(size: "64k") else { return false }
    return folder.isMounted
  }()

  /// A cell fills the disk under the scratch folder, through `print` and through `write(2)`
  /// (whose errors no one checks): the chapter fails at that cell's line, and nothing is
  /// recorded, cached or published.
  @Test(
    .enabled(
      if: OutputChannelTests.canMount,
      "needs root to mount a small tmpfs under the book's scratch folder (mount -t tmpfs)"),
    arguments: [
      "let line = String(repeating: \"x\", count: 1023)\nfor _ in 0..<3000 { print(line) }",
      """
      let block = [UInt8](repeating: 0x79, count: 4096)
      for _ in 0..<1000 { _ = write(1, block, block.count) }
      """,
    ])
  func aFullDiskFailsTheChapterAtTheCell(flood: String) throws {
    let source = chapter("Full", [("", "print(\"first\")"), ("", flood), ("", "print(\"last\")")])
    let book = try TestBook(["01-full.md": source])
    let work = book.root.appendingPathComponent(".rlbook-cache/work")
    let mount = try TemporaryMount(size: "1m", at: work)
    defer {
      mount.unmount()
      withExtendedLifetime(book) {}
    }
    #expect(mount.isMounted)
    let report = try book.run()
    let errors = report.chapters.flatMap(\.errors)
    let cellLine = fenceLines(source)[1]
    #expect(errors.count == 1, "\(errors)")
    #expect(errors.first?.line == cellLine, "\(errors)")
    #expect(errors.first?.message.contains("the cell at line \(cellLine)") == true)
    #expect(
      errors.first.map { $0.message.contains("full") || $0.message.contains("lost output") }
        == true, "\(errors)")
    #expect(book.read("chapters/01-full.out") == nil, "nothing is recorded")
    let runs = book.root.appendingPathComponent(".rlbook-cache/runs").path
    #expect(((try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? []).isEmpty)
    #expect(book.siteFiles().isEmpty, "nothing is published")
  }

  /// One cell closes descriptors 1 and 2 and another points them at /dev/null: every later
  /// cell still has its own streams, and a later trap still has its message.
  @Test func cellsThatCloseOrRedirectTheirStreamsDoNotSilenceLaterCells() throws {
    let closes = chapter(
      "Closes",
      [
        ("", "print(\"one\")\nclose(1)\nclose(2)\nclose(0)"),
        ("", "print(\"two\")\nfputs(\"warning two\\n\", stderr)"),
        ("", "print(\"three\", terminator: \"\")\nprint(\"!\")"),
      ])
    let trap = chapter(
      "Redirects",
      [
        (
          "",
          "let null = open(\"/dev/null\", O_WRONLY)\ndup2(null, 1)\ndup2(null, 2)\nprint(\"gone\")"
        ),
        ("", "print(\"before\")\nfatalError(\"boom\")"),
      ])
    let book = try TestBook(["01-closes.md": closes, "02-redirects.md": trap])
    let report = try book.run()
    let outputs = try #require(book.recorded("01-closes"))
    #expect(outputs.map(printedText) == ["one", "two", "three!"])
    #expect(outputs[1].stderr == "warning two")
    let errors = report.chapters.flatMap(\.errors)
    #expect(errors.count == 1, "\(errors)")
    let trapLine = try #require(line(of: "fatalError", in: trap))
    #expect(errors.first?.path == "chapters/02-redirects.md")
    #expect(errors.first?.line == trapLine, "\(errors)")
    #expect(errors.first?.message.contains("Fatal error: boom") == true, "\(errors)")
    #expect(errors.first?.detail?.contains("before") == true)
  }

  /// `raise(SIGSEGV)` is caught by Swift's backtracer, which prints a report and lets the
  /// program go on: the cell still fails, at the line that raised it.
  @Test func aCrashTheProgramSurvivesStillFailsTheCell() throws {
    let source = chapter(
      "Raise", [("", "print(\"a\")\nraise(SIGSEGV)\nprint(\"b\")"), ("", "print(\"after\")")])
    let book = try TestBook(["01-raise.md": source])
    let report = try book.run()
    let errors = report.chapters.flatMap(\.errors)
    #expect(errors.count == 1, "\(errors)")
    // The line that raised it when the backtracer can unwind through `raise` (libc has no
    // frame pointers, so it often cannot), else the cell's fence.
    let raiseLine = try #require(line(of: "raise(SIGSEGV)", in: source))
    #expect([raiseLine, fenceLines(source)[0]].contains(errors.first?.line), "\(errors)")
    #expect(
      errors.first?.message.hasPrefix(
        "the cell at line \(fenceLines(source)[0]) crashed: Bad pointer dereference") == true,
      "\(errors)")
    #expect(errors.first?.message.contains("0x") == false, "no addresses in the message")
    #expect(book.read("chapters/01-raise.out") == nil)
  }

  /// A partial line printed just before a trap, by `print` and by `FileHandle`, is in the
  /// error's "output before it stopped".
  @Test func aPartialLineBeforeATrapIsShown() throws {
    let source = chapter(
      "Partial",
      [
        (
          "",
          """
          import Foundation
          print("step 1 of 2…", terminator: "")
          FileHandle.standardOutput.write(" handle".data(using: .utf8)!)
          print(" last words", terminator: "")
          let empty: [Int] = []
          print(empty[0])
          """
        )
      ])
    let book = try TestBook(["01-partial.md": source])
    let report = try book.run()
    let error = try #require(report.chapters.flatMap(\.errors).first)
    #expect(error.detail?.contains("step 1 of 2… handle last words") == true, "\(error)")
  }

  /// The cap applies to the output streams only: a 6 MiB file a cell writes is whole.
  @Test func filesACellWritesAreNotCapped() throws {
    let source = chapter(
      "Checkpoint",
      [
        (
          "",
          """
          let file = fopen("checkpoint.bin", "w")!
          let block = [UInt8](repeating: 7, count: 1 << 20)
          var written = 0
          for _ in 0..<6 { written += fwrite(block, 1, block.count, file) }
          fclose(file)
          print(written)
          """
        )
      ])
    let book = try TestBook(["01-checkpoint.md": source])
    let report = try book.run()
    #expect(report.errors.isEmpty, "\(report.errors)")
    #expect(book.recorded("01-checkpoint")?.map(printedText) == ["\(6 << 20)"])
    let size = FileStamp.regularFileSize(book.root.appendingPathComponent("checkpoint.bin").path)
    #expect(size == 6 << 20)
  }

  /// Eight cells that each print 5 MiB: each keeps its first 4 MiB until the chapter's
  /// 16 MiB are used, later cells say what was cut, and rlbook's memory stays bounded.
  @Test func theChapterHasACapAndMemoryStaysBounded() throws {
    let line = ("", "let line = String(repeating: \"x\", count: 1023)")
    let flood = ("", "for _ in 0..<(5 * 1024) { print(line) }")
    let source = chapter("Floods", [line] + Array(repeating: flood, count: 8))
    let book = try TestBook(["01-floods.md": source])
    let process = try book.startTool(["build"])
    let peakKiB = peakResidentKiB(of: process)
    #expect(process.terminationStatus == 0)
    let outputs = try #require(book.recorded("01-floods"))
    let texts = outputs.dropFirst().map(printedText)
    #expect(texts.count == 8)
    #expect(texts.prefix(4).allSatisfy { $0.hasSuffix(OutputDecoder.truncationNote) })
    #expect(texts.suffix(4).allSatisfy { $0.hasSuffix(OutputDecoder.chapterTruncationNote) })
    let kept = texts.reduce(0) { $0 + $1.utf8.count }
    #expect(kept <= OutputCap.bytesPerChapter + 8 * 200)
    let record = try #require(book.read("chapters/01-floods.out"))
    #expect(record.utf8.count < OutputCap.bytesPerChapter * 11 / 10)
    // About 210 MiB on x86-64 Linux: the kept 16 MiB is held as outputs, record, cache
    // entry and pages at once. Without the chapter cap it grows with every capped cell.
    #expect(peakKiB > 0 && peakKiB < 256 * 1024, "rlbook's peak RSS was \(peakKiB / 1024) MiB")
  }

  /// A cell that prints past `OutputCap.bytesOnDiskPerChapter` is stopped, at its line,
  /// before it fills the disk.
  @Test func aChapterThatFloodsTheDiskIsStopped() throws {
    let source = chapter(
      "Endless",
      [
        (
          "",
          """
          let block = [UInt8](repeating: 0x7A, count: 1 << 20)
          while true { _ = write(1, block, block.count) }
          """
        )
      ])
    let book = try TestBook(["01-endless.md": source])
    let report = try book.run()
    let errors = report.chapters.flatMap(\.errors)
    #expect(errors.count == 1)
    #expect(errors.first?.line == fenceLines(source)[0])
    #expect(
      errors.first?.message.contains(
        "passed \(OutputCap.bytesOnDiskPerChapter >> 20) MiB") == true, "\(errors)")
  }

  /// A picture displayed after a partial line is still a picture.
  @Test func aFrameAfterAPartialLineIsAPicture() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>"
    let printed = "progress…\(DisplayFrame.begin)a%20plot\n\(svg)\n\(DisplayFrame.end)\n"
    let items = OutputDecoder.items(fromStdout: Data(printed.utf8), truncated: false)
    #expect(items == [.text("progress…"), .svg(alt: "a plot", markup: svg)])
  }
}

/// The peak resident memory of `process` (VmHWM, from /proc), sampled until it exits.
func peakResidentKiB(of process: Process) -> Int {
  var peakKiB = 0
  while process.isRunning {
    if let status = try? String(
      contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kib = Int(line.split(separator: " ")[1])
    {
      peakKiB = max(peakKiB, kib)
    }
    usleep(10_000)
  }
  return peakKiB
}

/// A tmpfs of a given size mounted on a folder (created if needed) for as long as the value
/// lives.
final class TemporaryMount {
  let folder: URL
  private(set) var isMounted = false
  /// Whether the folder is a temporary one of this value's own, removed with it.
  private let ownsFolder: Bool

  init(size: String, at folder: URL? = nil) throws {
    ownsFolder = folder == nil
    self.folder =
      folder
      ?? FileManager.default.temporaryDirectory.appendingPathComponent("rlbook-mount-\(UUID())")
    try FileManager.default.createDirectory(at: self.folder, withIntermediateDirectories: true)
    isMounted = Self.run(
      "/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", self.folder.path])
  }

  deinit {
    unmount()
    if ownsFolder, !isMounted { try? FileManager.default.removeItem(at: folder) }
  }

  /// Unmounts the tmpfs, if it is mounted.
  func unmount() {
    if isMounted { isMounted = !Self.run("/bin/umount", [folder.path]) }
  }

  private static func run(_ tool: String, _ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
