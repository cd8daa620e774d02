import Foundation

/// What the tests read about other processes, from /proc.
enum ProcessProbe {
  /// The live (not zombie) processes whose command line contains `marker` as a whole
  /// argument, or inside one when `inside` is set.
  static func living(withArgument marker: String, inside: Bool = false) -> [pid_t] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
      return []
    }
    return entries.compactMap { pid_t($0) }.filter { pid in
      guard isAlive(pid),
        let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
      else { return false }
      let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
      return arguments.contains { inside ? $0.contains(marker) : $0 == marker }
    }
  }

  /// Whether `pid` is a running process (not a zombie, not gone).
  static func isAlive(_ pid: pid_t) -> Bool {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
      let text = String(data: data, encoding: .utf8),
      let close = text.lastIndex(of: ")")
    else { return false }
    let state = text[text.index(after: close)...].dropFirst().first
    return state != nil && state != "Z" && state != "X"
  }

  /// Waits until `condition` holds, at most `limit` seconds; returns whether it held.
  static func waitUntil(_ limit: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(limit)
    while Date() < deadline {
      if condition() { return true }
      usleep(20_000)
    }
    return condition()
  }

  /// A `sleep` argument no other process on the machine uses: seconds with random decimals.
  static func uniqueSleep(seconds: Int) -> String {
    "\(seconds).\(UInt32.random(in: 100_000_000...999_999_999))"
  }
}
