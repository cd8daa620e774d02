/// The bounds `rlbook serve` holds every client to, so that no request, however long or slow,
/// can hold the server, and no number of idle connections can pile up without bound.
public struct ServeLimits: Sendable {
  /// Seconds a client has to send a complete request head, counted from when it connected or
  /// from the end of its previous response; also the longest a response waits for the
  /// client to read it. A connection past it is closed (after a `408` if it sent anything).
  public var requestTimeout: Double = 10
  /// The longest request line, in bytes (`414 URI Too Long` past it).
  public var maxRequestLine = 8 * 1024
  /// The most bytes of header lines in one request (`431` past it).
  public var maxHeaderBytes = 32 * 1024
  /// The most header lines in one request (`431` past it).
  public var maxHeaderCount = 100
  /// The most connections held at once. A new one beyond it replaces the connection that
  /// has waited longest for its request, or is refused when every connection is answering.
  public var maxConnections = 128
  /// After an error response that ends the connection, how long the rest of the request is
  /// read and dropped, so the client sees the response rather than a reset.
  public var lingerSeconds = 2.0

  /// The defaults.
  public init() {}
}
