import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Kills every process in a session, not just one process group.
///
/// A chapter runs as the leader of a new session. Anything it starts inherits that session,
/// even a child that moves itself into a process group of its own (Foundation's `Process`
/// does), so killing the session's members reaches grandchildren that `kill(-pgid)` misses.
/// Only a process that calls `setsid()` itself escapes.
enum SessionSweep {
  /// Sends SIGKILL to every process whose session id is `session`, scanning `/proc` until
  /// none is left (a process may fork while we scan), at most `rounds` times.
  ///
  /// - Complexity: O(number of processes on the machine) per round.
  static func killAll(session: pid_t, rounds: Int = 20) {
    guard session > 1, session != getsid(0) else { return }
    kill(-session, SIGKILL)
    for _ in 0..<rounds {
      let members = processes(inSession: session)
      if members.isEmpty { return }
      for pid in members { kill(pid, SIGKILL) }
      usleep(2_000)
    }
  }

  /// The live (not zombie) processes whose session id is `session`.
  static func processes(inSession session: pid_t) -> [pid_t] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
      return []
    }
    var members = [pid_t]()
    for entry in entries {
      guard let pid = pid_t(entry), let stat = statFields(of: pid) else { continue }
      if stat.session == session && stat.state != "Z" && stat.state != "X" {
        members.append(pid)
      }
    }
    return members
  }

  /// The state and session fields of `/proc/PID/stat`. The command name in parentheses may
  /// hold spaces or parentheses, so fields are counted after its last `)`.
  static func statFields(of pid: pid_t) -> (state: Character, session: pid_t)? {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
      let text = String(data: data, encoding: .utf8),
      let close = text.lastIndex(of: ")")
    else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    // After the name: state, ppid, pgrp, session, …
    guard fields.count > 3, let state = fields[0].first, let session = pid_t(fields[3]) else {
      return nil
    }
    return (state, session)
  }
}
