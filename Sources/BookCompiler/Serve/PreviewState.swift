import Foundation

/// What the pages poll: how many builds have succeeded, whether one is running, and the last
/// build's errors. The rebuilding thread writes it and the serving thread reads it.
final class PreviewState: @unchecked Sendable {
  private let lock = NSLock()
  private var generation = 0
  private var building = false
  private var errors = [String]()

  /// A build started.
  func begin() { lock.withLock { building = true } }

  /// A build ended with `errors` (none when it succeeded).
  func finish(errors: [String]) {
    lock.withLock {
      building = false
      self.errors = errors
      if errors.isEmpty { generation += 1 }
    }
  }

  /// `{"generation":N,"building":B,"errors":"…"}`.
  func statusJSON() -> String {
    lock.withLock {
      let text = errors.joined(separator: "\n")
      return
        "{\"generation\":\(generation),\"building\":\(building),\"errors\":\(SearchIndex.json(text))}"
    }
  }
}
