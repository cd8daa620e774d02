import ArgumentParser
import BookCompiler
import Foundation

extension RLBook {
  /// `rlbook serve`: a live preview on 127.0.0.1 that rebuilds and reloads on every edit.
  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Serve site/ on 127.0.0.1, rebuild when a chapter or the RL library changes, and reload the page."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "The port on 127.0.0.1.")
    var port: UInt16 = 8000

    func run() throws {
      Interrupts.install()
      var options = common.buildOptions(mode: .build)
      options.showProgress = true
      let server = PreviewServer(options: options, port: port) { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
      }
      Task {
        do {
          try await server.run()
        } catch {
          FileHandle.standardError.write(Data("rlbook serve: \(error)\n".utf8))
          Foundation.exit(1)
        }
      }
      dispatchMain()
    }
  }
}
