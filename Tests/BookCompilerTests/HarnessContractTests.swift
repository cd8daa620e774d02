import CellHarness
import Foundation
import Testing

@testable import BookCompiler

/// The contract between rlbook and a chapter program is one set of types that both sides
/// use: these tests pin down how the compiler's side reads what the program's side writes.
@Suite struct HarnessContractTests {
  @Test func argumentsRoundTripThroughTheCommandLine() {
    let arguments = HarnessArguments(
      files: CellFiles(folder: "/tmp/a b"), parentProcess: 42)
    #expect(HarnessArguments(commandLine: ["chapter"] + arguments.commandLine) == arguments)
  }

  @Test func aProgramStartedByHandHasNoArguments() {
    #expect(HarnessArguments(commandLine: ["chapter"]) == nil)
    #expect(HarnessArguments(commandLine: ["chapter", "/tmp", "x"]) == nil)
  }

  @Test func eachCellHasItsOwnPairOfFiles() {
    let files = CellFiles(folder: "/out")
    #expect(files.standardOutput(ofCell: 3) == "/out/cell-3.out")
    #expect(files.standardError(ofCell: 3) == "/out/cell-3.err")
    #expect(files.standardOutput(ofCell: 3) != files.standardOutput(ofCell: 4))
    #expect(files.finishedMarker.hasPrefix("/out/"))
  }

  /// What `RL.display(_:)` prints — begin marker with percent-encoded alt text, the SVG, end
  /// marker — is cut out by the decoder as one picture.
  @Test func theDecoderReadsTheFramesThatDisplayWrites() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>"
    let printed = "before\n\(DisplayFrame.begin)a%20plot\n\(svg)\n\(DisplayFrame.end)\nafter\n"
    let items = OutputDecoder.items(fromStdout: Data(printed.utf8), truncated: false)
    #expect(items == [.text("before"), .svg(alt: "a plot", markup: svg), .text("after")])
  }

  @Test func theTruncationNoteNamesTheCap() {
    #expect(OutputDecoder.truncationNote.contains("\(OutputCap.bytesPerStream >> 20) MiB"))
  }
}
