import CSystem
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A TCP socket listening on 127.0.0.1, for `rlbook serve`.
///
/// It and every connection it accepts are close-on-exec (`SOCK_CLOEXEC`, `accept4`) from the
/// moment they exist, so no program rlbook starts (swiftc, a chapter, anything a cell leaves
/// running) can inherit them and keep the port open after rlbook stops. Both are
/// non-blocking: the server waits for them with `SocketPoll`.
final class LoopbackListener: @unchecked Sendable {
  /// The socket's descriptor.
  let descriptor: Int32
  /// The port it listens on (the one the kernel chose when asked for port 0).
  let port: UInt16

  /// Binds 127.0.0.1:`port` and listens. A port that another socket holds throws
  /// `EnvironmentError.portInUse`, so nothing claims to serve on it.
  init(port: UInt16) throws(EnvironmentError) {
    let socketType =
      Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
      | Int32(SOCK_NONBLOCK.rawValue)
    let descriptor = socket(AF_INET, socketType, 0)
    guard descriptor >= 0 else {
      throw .cannotListen(port: port, reason: String(cString: strerror(errno)))
    }
    var reuse: Int32 = 1
    // Lets a restarted server take the port while old connections sit in TIME_WAIT; a port
    // that another socket listens on is still refused.
    setsockopt(
      descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(descriptor, 128) == 0 else {
      let code = errno
      close(descriptor)
      if code == EADDRINUSE { throw .portInUse(port: port) }
      throw .cannotListen(port: port, reason: String(cString: strerror(code)))
    }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(descriptor, $0, &length)
      }
    }
    self.descriptor = descriptor
    self.port = UInt16(bigEndian: actual.sin_port)
  }

  deinit { close(descriptor) }

  /// The next waiting connection, or `nil` when none is waiting (or accepting failed, for
  /// example because the process is out of descriptors; the caller tries again later).
  func accept() -> ConnectionSocket? {
    let connection = rlbook_accept_cloexec(descriptor)
    return connection >= 0 ? ConnectionSocket(descriptor: connection) : nil
  }
}
