import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One accepted, non-blocking, close-on-exec TCP connection. Closed when the value goes away.
final class ConnectionSocket {
  /// The socket's descriptor.
  let descriptor: Int32

  /// What a read or a write did.
  enum Transfer: Equatable {
    /// This many bytes moved (more than zero).
    case moved(Int)
    /// Nothing can move now; wait for the socket to be ready.
    case wouldBlock
    /// The peer closed its side (a read), or the connection failed.
    case closed
  }

  /// Takes ownership of `descriptor`.
  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  /// Reads at most `count` bytes onto the end of `buffer`.
  func read(into buffer: inout [UInt8], atMost count: Int) -> Transfer {
    let start = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: count))
    let result = buffer.withUnsafeMutableBytes {
      recv(descriptor, $0.baseAddress! + start, count, 0)
    }
    buffer.removeLast(count - max(result, 0))
    if result > 0 { return .moved(result) }
    if result < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
      return .wouldBlock
    }
    return .closed
  }

  /// Writes as much of `bytes[offset...]` as the socket takes now. A peer that went away
  /// is `.closed`, never a SIGPIPE.
  func write(_ bytes: [UInt8], from offset: Int) -> Transfer {
    let result = bytes.withUnsafeBytes {
      send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
    }
    if result > 0 { return .moved(result) }
    if result < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
      return .wouldBlock
    }
    return .closed
  }

  /// Tells the peer nothing more will be sent (a FIN), while still reading what it sends.
  func shutdownWriting() {
    shutdown(descriptor, Int32(SHUT_WR))
  }
}
