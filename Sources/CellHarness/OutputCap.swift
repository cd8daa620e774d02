/// How much of a cell's output is kept.
public enum OutputCap {
  /// The most bytes kept from one stream (standard output or standard error) of one cell:
  /// 4 MiB. Writes past it fail quietly in the cell, and the output is marked as truncated.
  public static let bytesPerStream = 4 << 20
}
