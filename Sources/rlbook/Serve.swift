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

    @Option(help: "The port on 127.0.0.1 (0: any free port, printed when serving starts).")
    var port: UInt16 = 8000

    @Option(
      help: ArgumentHelp(
        "Seconds a client has to send a request, and to read a response, before its connection is closed.",
        valueName: "seconds"))
    var requestTimeout: Double = ServeLimits().requestTimeout

    func validate() throws {
      guard requestTimeout > 0, requestTimeout.isFinite else {
        throw ValidationError("--request-timeout must be a positive number of seconds")
      }
    }

    func run() throws {
      Interrupts.install()
      var options = common.buildOptions(mode: .build)
      options.showProgress = true
      var limits = ServeLimits()
      limits.requestTimeout = requestTimeout
      let server = PreviewServer(options: options, port: port, limits: limits) { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
      }
      do {
        try server.run()
      } catch {
        printError("rlbook serve: \(error)")
        throw ExitCode.failure
      }
    }
  }
}
