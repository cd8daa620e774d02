import Foundation
import Testing

@testable import BookCompiler

/// A missing tool or package gets one line saying what to install.
@Suite struct MissingToolTests {
  @Test func noSwiftcOnThePathSaysWhatToInstall() throws {
    let book = try TestBook()
    #expect {
      _ = try Toolchain.locate(
        root: book.root, libraryDirectory: try Prerequisites.libraryPath(),
        environment: ["PATH": "/nonexistent"])
    } throws: { error in
      error as? EnvironmentError == .swiftcNotFound
    }
  }

  @Test func anUnbuiltLibrarySaysHowToBuildIt() throws {
    let book = try TestBook()
    #expect {
      _ = try Toolchain.locate(root: book.root)
    } throws: { error in
      error as? EnvironmentError
        == .libraryNotBuilt(directory: book.root.appendingPathComponent(".build/release").path)
    }
    let message = EnvironmentError.libraryNotBuilt(directory: "/x").description
    #expect(message.contains("swift build -c release --product RL") && !message.contains("\n"))
  }

  /// Runs `.ci/deps` with only the tools in `fakeTools` on PATH (and bash's own folder).
  private func deps(_ fakeTools: [String: String]) throws -> (status: Int32, stderr: String) {
    let book = try TestBook()
    let bin = book.root.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    for (name, script) in fakeTools {
      let url = bin.appendingPathComponent(name)
      try Data("#!/bin/sh\n\(script)\n".utf8).write(to: url)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [packageRoot.appendingPathComponent(".ci/deps").path]
    process.environment = ["PATH": bin.path, "RLBOOK_NO_INSTALL": "1"]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func aMissingPackageIsNamedInOneLine() throws {
    // dpkg knows every package except katex and nodejs.
    let (status, stderr) = try deps([
      "swiftc": "exit 0",
      "dpkg": "case \"$2\" in katex|nodejs) exit 1;; *) exit 0;; esac",
    ])
    #expect(status != 0)
    #expect(
      stderr
        == "rlbook needs these Debian packages: katex nodejs; install them with: sudo apt-get install katex nodejs\n"
    )
  }

  @Test func nothingMissingIsSilent() throws {
    let (status, stderr) = try deps(["swiftc": "exit 0", "dpkg": "exit 0"])
    #expect(status == 0 && stderr.isEmpty)
  }

  @Test func aMissingSwiftcIsNamedInOneLine() throws {
    let (status, stderr) = try deps(["dpkg": "exit 0"])
    #expect(status != 0)
    #expect(
      stderr.hasPrefix("rlbook needs swiftc: install Swift 6.3")
        && stderr.filter { $0 == "\n" }.count == 1)
  }
}
