/// One client connection of `rlbook serve`, driven by `ConnectionLoop` when its socket is
/// ready or its deadline passes. It never blocks: it reads what has arrived, answers a
/// complete request head at once, and writes what the socket takes.
///
/// Its life: wait for a request head (at most `ServeLimits.requestTimeout`), write the
/// response (the client must keep reading), then wait for the next request (keep-alive) or,
/// when the connection ends, drop whatever else the client sends for a moment, so it reads
/// the response rather than a reset.
final class PreviewConnection {
  /// What the connection is doing.
  enum Phase: Equatable {
    /// Waiting for a request head.
    case readingHead
    /// Writing a response.
    case writing
    /// After a response that ends the connection: reading and dropping until the peer
    /// closes or the linger time passes.
    case draining
    /// Done; the loop closes it.
    case finished
  }

  /// The socket.
  let socket: ConnectionSocket
  /// What it is doing.
  private(set) var phase = Phase.readingHead
  /// When the current phase must have made progress by (monotonic seconds).
  private(set) var deadline: Double
  /// When the connection began waiting for its current request (to pick one to replace).
  private(set) var waitingSince: Double

  private let limits: ServeLimits
  private let respond: (RequestHead) -> PreviewResponse
  private var input = [UInt8]()
  private var reader: RequestHeadReader
  private var output = [UInt8]()
  private var written = 0
  private var closesAfterWriting = false

  /// A new connection, accepted at `now`, whose requests `respond` answers.
  init(
    socket: ConnectionSocket, limits: ServeLimits, now: Double,
    respond: @escaping (RequestHead) -> PreviewResponse
  ) {
    self.socket = socket
    self.limits = limits
    self.respond = respond
    reader = RequestHeadReader(limits: limits)
    deadline = now + limits.requestTimeout
    waitingSince = now
  }

  /// Whether the loop should wait for the socket to be readable, or writable.
  var wantsToRead: Bool { phase == .readingHead || phase == .draining }

  /// The socket can be read (or has failed).
  func readable(now: Double) {
    switch phase {
    case .readingHead: readHead(now: now)
    case .draining: drain()
    case .writing, .finished: break
    }
  }

  /// The socket can be written (or has failed).
  func writable(now: Double) {
    if phase == .writing { write(now: now) }
  }

  /// The socket failed or hung up while the connection was writing.
  func failed() {
    if phase == .writing { phase = .finished }
  }

  /// Ends the connection if its deadline passed: a head that is late gets `408` if any of
  /// it arrived (an idle connection is just closed); a response the client does not read,
  /// or a drain that lasts too long, is abandoned.
  func checkDeadline(now: Double) {
    guard now >= deadline else { return }
    if phase == .readingHead && !input.isEmpty {
      send(
        .text(
          .requestTimeout,
          "the request head did not arrive within \(limits.requestTimeout) seconds",
          closing: true), head: false, now: now)
    } else {
      phase = .finished
    }
  }

  /// Ends the connection now (to make room for a new one).
  func evict() { phase = .finished }

  private func readHead(now: Double) {
    // The most a head can take, plus one byte to see that it is too long.
    let room = limits.maxRequestLine + limits.maxHeaderBytes + 1 - input.count
    switch socket.read(into: &input, atMost: max(1, min(room, 16 * 1024))) {
    case .wouldBlock: return
    case .closed:
      phase = .finished
      return
    case .moved: process(now: now)
    }
  }

  /// Answers the request in `input` if its head is complete.
  private func process(now: Double) {
    switch reader.read(input) {
    case .needMore:
      return
    case .refused(let status, let reason):
      send(.text(status, reason, closing: true), head: false, now: now)
    case .complete(let head, let length):
      input.removeFirst(length)
      reader = RequestHeadReader(limits: limits)
      var response = respond(head)
      if !head.keepsAlive { response.closesConnection = true }
      send(response, head: head.method == "HEAD", now: now)
    }
  }

  private func send(_ response: PreviewResponse, head: Bool, now: Double) {
    output = response.encoded(head: head)
    written = 0
    closesAfterWriting = response.closesConnection
    phase = .writing
    deadline = now + limits.requestTimeout
    write(now: now)
  }

  private func write(now: Double) {
    while written < output.count {
      switch socket.write(output, from: written) {
      case .moved(let count):
        written += count
        deadline = now + limits.requestTimeout
      case .wouldBlock:
        return
      case .closed:
        phase = .finished
        return
      }
    }
    output = []
    if closesAfterWriting {
      socket.shutdownWriting()
      phase = .draining
      deadline = now + min(limits.lingerSeconds, limits.requestTimeout)
      return
    }
    phase = .readingHead
    deadline = now + limits.requestTimeout
    waitingSince = now
    // A pipelined request may be waiting already.
    if !input.isEmpty { process(now: now) }
  }

  private func drain() {
    var dropped = [UInt8]()
    switch socket.read(into: &dropped, atMost: 64 * 1024) {
    case .closed: phase = .finished
    case .moved, .wouldBlock: break
    }
  }
}
