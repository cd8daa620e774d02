import Foundation
import Testing

@testable import BookCompiler

/// Seeded fuzzing: random and mutated inputs for the Markdown and cell extraction, the
/// option parser, the output decoder and the record's parse/serialize round trip. Each test
/// must finish without a crash or a hang, and the invariants below must hold for every
/// input. The seeds are fixed, so a failure reproduces.
@Suite struct FuzzTests {
  static let count = 100_000

  @Test(.timeLimit(.minutes(10)))  // a guard against hangs, not a speed goal
  func markdownAndCellExtraction() throws {
    var random = FuzzRandom(seed: 1)
    let realChapter =
      (try? String(
        contentsOf: packageRoot.appendingPathComponent("chapters/01-the-loop.md"), encoding: .utf8))
      ?? "# Fallback\n\n```swift\nprint(1)\n```\n"
    let corpus = Array(realChapter.utf8)
    for round in 0..<Self.count {
      let bytes: [UInt8]
      if round.isMultiple(of: 2) {
        bytes = random.markdown()
      } else {  // a window of the real chapter, mutated
        let start = random.int(below: max(1, corpus.count - 400))
        bytes = random.mutate(
          Array(corpus[start..<min(corpus.count, start + 40 + random.int(below: 300))]))
      }
      let source = String(decoding: bytes, as: UTF8.self)
      let lineCount = ChapterParser.lines(of: source).count
      do {
        let chapter = try ChapterParser.parse(
          path: "chapters/01-fuzz.md", number: 1, slug: "fuzz", source: source)
        for (i, cell) in chapter.cells.enumerated() {
          #expect(cell.index == i)
          #expect((1...lineCount).contains(cell.fenceLine), "round \(round)")
        }
      } catch {
        for e in error.errors {
          #expect(e.path == "chapters/01-fuzz.md")
          #expect(e.line.map { (1...max(1, lineCount)).contains($0) } ?? true, "round \(round)")
        }
      }
    }
  }

  @Test(.timeLimit(.minutes(10)))  // a guard against hangs, not a speed goal
  func optionParser() {
    var random = FuzzRandom(seed: 2)
    let words = [
      "hidden", "norun", "compile-fail", "timeout=1", "timeout=0.5", "timeout=", "timeout=-3",
      "timeout=nan", "timeout=1e309", "timeout=x", "Hidden", "hide", "", "=", "timeout==2",
    ]
    for _ in 0..<Self.count {
      var parts = [Substring]()
      for _ in 0..<random.int(below: 5) {
        parts.append(
          random.int(below: 4) == 0
            ? Substring(String(decoding: random.bytes(random.int(below: 12)), as: UTF8.self))
            : Substring(words[random.int(below: words.count)]))
      }
      do {
        let options = try CellOptions(parsing: parts)
        let known = ["hidden", "norun", "compile-fail", "exercise", "solution"]
        #expect(parts.allSatisfy { known.contains(String($0)) || $0.hasPrefix("timeout=") })
        #expect(options.effectiveTimeout > 0 && options.effectiveTimeout.isFinite)
        #expect(!(options.noRun && options.compileFail))
        #expect(!(options.exercise && options.solution))
        #expect(!options.solution || !(options.hidden || options.noRun || options.compileFail))
      } catch {
        #expect(!error.message.isEmpty)
      }
    }
  }

  @Test(.timeLimit(.minutes(10)))  // a guard against hangs, not a speed goal
  func outputDecoderAndRecordRoundTrip() {
    var random = FuzzRandom(seed: 3)
    for round in 0..<Self.count {
      let stdout = Data(random.output())
      let stderr = Data(random.output())
      let truncated = random.int(below: 20) == 0
      let items = OutputDecoder.items(fromStdout: stdout, truncated: truncated)
      let errText = OutputDecoder.text(fromStderr: stderr, truncated: truncated)
      // The slower checks on a sample of the inputs, to keep the debug build's run short.
      guard round.isMultiple(of: 8) else { continue }
      #expect(items == OutputDecoder.items(fromStdout: stdout, truncated: truncated))
      for item in items {
        switch item {
        case .text(let text):
          #expect(!text.isEmpty && Self.isClean(text), "round \(round)")
        case .svg(let alt, let markup):
          #expect(OutputDecoder.isSafeSVG(markup) && !alt.contains("\n") && Self.isClean(alt))
        case .export(let name, let value):
          #expect(!value.contains("\n") && !value.contains("\t") && Self.isClean(value))
          #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        }
      }
      #expect(Self.isClean(errText))
      // Whatever a cell printed, the record reads back as exactly the same outputs.
      let outputs = [CellOutput(items: items, stderr: errText), CellOutput()]
      let text = RecordedOutputs.serialize(outputs, chapterPath: "chapters/01-f.md")
      #expect(RecordedOutputs.parse(text) == outputs, "round \(round)")
    }
  }

  @Test(.timeLimit(.minutes(10)))  // a guard against hangs, not a speed goal
  func recordParserOnDamagedFiles() {
    var random = FuzzRandom(seed: 4)
    let sample = Array(
      RecordedOutputs.serialize(
        [
          CellOutput(
            items: [.text("a\n\nb"), .svg(alt: "p", markup: "<svg>\n</svg>")], stderr: "e"),
          CellOutput(), CellOutput(diagnostic: "error: x  [cell line 1]"),
        ], chapterPath: "chapters/01-f.md"
      ).utf8)
    for _ in 0..<Self.count / 8 {
      let text = String(decoding: random.mutate(sample), as: UTF8.self)
      if let parsed = RecordedOutputs.parse(text) {
        // Anything accepted is a fixed point of serialize ∘ parse.
        let again = RecordedOutputs.serialize(parsed, chapterPath: "chapters/01-f.md")
        #expect(RecordedOutputs.parse(again) == parsed)
      }
    }
  }

  /// No control characters but newline and tab, and no escape sequences.
  static func isClean(_ text: String) -> Bool {
    !text.unicodeScalars.contains {
      ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F
    }
  }
}

/// SplitMix64, with generators of Markdown-ish, output-ish and mutated byte strings.
struct FuzzRandom {
  private var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func int(below n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

  mutating func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
  }

  static let markdownPieces = [
    "```", "```swift", "```swift hidden", "```swift norun", "```swift compile-fail",
    "```swift timeout=2", "```swift bogus", "~~~", "~~~swift", "````", "    ", "\n", "\n\n",
    "# ", "## ", "> ", "- ", "1. ", "* [ ] ", "| a | b |\n|---|---|\n| 1 | 2 |", "<script>",
    "</div>", "<!--rlbook-block-0-->", "$$", "$x$", "[^1]", "[^1]: note", "**", "~~", "\\",
    "print(\"hi\")", "let x = 1", "é", "\u{301}", "\r", "\r\n", "\t", "\u{0}", "\u{FEFF}",
    "https://example.com",
  ]

  mutating func markdown() -> [UInt8] {
    var out = [UInt8]()
    for _ in 0..<(1 + int(below: 24)) {
      if int(below: 8) == 0 {
        out += bytes(1 + int(below: 6))
      } else {
        out += Array(Self.markdownPieces[int(below: Self.markdownPieces.count)].utf8)
      }
    }
    return out
  }

  static let outputPieces = [
    "hello", "\n", "\r", "\r\n", "\t", "\u{1B}[31m", "\u{1B}[0m", "\u{1B}]0;t\u{7}", "\u{1B}",
    "\u{0}", "\u{7F}", "<script>", "│ ", "── cell 1 · text ──", " ──", "é", "\u{301}",
    "\u{1}rlbook-display svg alt%0Atext\n", "\u{1}rlbook-display end\n",
    "\u{1}rlbook-display svg \n<svg>\n</svg>\n\u{1}rlbook-display end\n",
    "<svg onload=x>", "</svg>", "\u{1}rlbook-display svg %E9\n",
    "\u{1}rlbook-export v 1%0A2\n", "\u{1}rlbook-export ", "x %E9", "\u{1}rlbook-export v %1B[1m\n",
  ]

  mutating func output() -> [UInt8] {
    var out = [UInt8]()
    for _ in 0..<int(below: 16) {
      if int(below: 6) == 0 {
        out += bytes(1 + int(below: 5))
      } else {
        out += Array(Self.outputPieces[int(below: Self.outputPieces.count)].utf8)
      }
    }
    return out
  }

  /// Flips, inserts, deletes or duplicates a few bytes or chunks.
  mutating func mutate(_ input: [UInt8]) -> [UInt8] {
    var data = input
    for _ in 0..<(1 + int(below: 4)) {
      let at = int(below: data.count + 1)
      switch int(below: 5) {
      case 0 where at < data.count: data[at] = UInt8(truncatingIfNeeded: next())
      case 1: data.insert(contentsOf: bytes(1 + int(below: 4)), at: at)
      case 2 where at < data.count:
        data.removeSubrange(at..<min(data.count, at + 1 + int(below: 16)))
      case 3 where at < data.count:
        let end = min(data.count, at + 1 + int(below: 32))
        data.insert(contentsOf: data[at..<end], at: int(below: data.count + 1))
      default: data.insert(contentsOf: Array("\n```".utf8), at: at)
      }
    }
    return data
  }
}
