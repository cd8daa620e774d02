import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Waits until some of a set of descriptors can be read or written (`poll`).
enum SocketPoll {
  /// What the caller waits for on one descriptor.
  struct Interest {
    /// The descriptor.
    var descriptor: Int32
    /// Wait until it can be read (or the peer hung up).
    var read: Bool
    /// Wait until it can be written.
    var write: Bool
  }

  /// What happened on one descriptor.
  struct Readiness {
    /// It can be read, or reading it will report the end or an error.
    var readable: Bool
    /// It can be written, or writing it will report an error.
    var writable: Bool
    /// The connection failed or both sides hung up.
    var failed: Bool
  }

  /// Waits at most `milliseconds` (a signal may end the wait early) and returns one
  /// `Readiness` per interest, in order.
  static func wait(_ interests: [Interest], milliseconds: Int32) -> [Readiness] {
    var entries = interests.map { interest in
      var events: Int16 = 0
      if interest.read { events |= Int16(POLLIN) }
      if interest.write { events |= Int16(POLLOUT) }
      return pollfd(fd: interest.descriptor, events: events, revents: 0)
    }
    let count = entries.withUnsafeMutableBufferPointer {
      poll($0.baseAddress, nfds_t($0.count), milliseconds)
    }
    guard count > 0 else {
      return interests.map { _ in Readiness(readable: false, writable: false, failed: false) }
    }
    return entries.map { entry in
      let events = Int32(entry.revents)
      return Readiness(
        readable: events & (Int32(POLLIN) | Int32(POLLHUP) | Int32(POLLERR)) != 0,
        writable: events & (Int32(POLLOUT) | Int32(POLLERR)) != 0,
        failed: events & (Int32(POLLERR) | Int32(POLLNVAL)) != 0)
    }
  }
}
