import Foundation

/// The serving side of `rlbook serve`: one thread that accepts connections on the listener
/// and drives every `PreviewConnection` from a single `poll`, so a slow, silent or hostile
/// client costs a bounded buffer and a descriptor until its deadline, never a thread, and
/// cannot delay the others. Builds run on another thread and never block it.
final class ConnectionLoop: @unchecked Sendable {
  private let listener: LoopbackListener
  private let limits: ServeLimits
  private let respond: @Sendable (RequestHead) -> PreviewResponse
  private var connections = [PreviewConnection]()

  /// A loop that serves `listener`'s connections with `respond`.
  init(
    listener: LoopbackListener, limits: ServeLimits,
    respond: @escaping @Sendable (RequestHead) -> PreviewResponse
  ) {
    self.listener = listener
    self.limits = limits
    self.respond = respond
  }

  /// Serves until the process ends.
  func run() -> Never {
    while true { turn() }
  }

  /// Waits for the sockets (at most until the nearest deadline), then lets every ready
  /// connection act, accepts new ones and ends the ones past their deadline.
  private func turn() {
    var interests = [SocketPoll.Interest(descriptor: listener.descriptor, read: true, write: false)]
    for connection in connections {
      interests.append(
        SocketPoll.Interest(
          descriptor: connection.socket.descriptor, read: connection.wantsToRead,
          write: !connection.wantsToRead))
    }
    let nearest = connections.map(\.deadline).min().map { $0 - Self.now() } ?? 1
    let wait = Int32(max(0.001, min(1, nearest)) * 1000)
    let readiness = SocketPoll.wait(interests, milliseconds: wait)
    let now = Self.now()
    for (connection, ready) in zip(connections, readiness.dropFirst()) {
      if ready.readable { connection.readable(now: now) }
      if ready.writable { connection.writable(now: now) }
      if ready.failed { connection.failed() }
    }
    for connection in connections { connection.checkDeadline(now: now) }
    connections.removeAll { $0.phase == .finished }
    if readiness.first?.readable == true { accept(now: now) }
  }

  /// Takes every waiting connection. At the limit, a new one replaces the connection that
  /// has waited longest for a request (an idle or slow client), or is closed when every
  /// connection is busy answering.
  private func accept(now: Double) {
    for _ in 0..<64 {
      guard let socket = listener.accept() else { return }
      if connections.count >= limits.maxConnections {
        let waiting = connections.filter { $0.phase == .readingHead }
        guard let oldest = waiting.min(by: { $0.waitingSince < $1.waitingSince }) else {
          continue  // `socket` closes here.
        }
        oldest.evict()
        connections.removeAll { $0 === oldest }
      }
      connections.append(
        PreviewConnection(socket: socket, limits: limits, now: now, respond: respond))
    }
  }

  /// Monotonic seconds.
  private static func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
  }
}
