import Foundation

/// Stops the chapters' child processes when `rlbook` is interrupted (Ctrl-C or SIGTERM), so
/// no orphaned program keeps running. The site is untouched: it is only ever swapped in whole.
public enum Interrupts {
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  /// Installs the handlers; call once at start-up.
  public static func install() {
    Platform.ignore(Platform.interruptSignals)
    for signalNumber in Platform.interruptSignals {
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        ChildRegistry.shared.killAll()
        FileHandle.standardError.write(
          Data("\nrlbook: interrupted; site/ was left as it was\n".utf8))
        exit(130)
      }
      source.resume()
      sources.append(source)
    }
  }
}
