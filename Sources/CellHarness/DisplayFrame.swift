/// The lines that frame a picture in a cell's standard output.
///
/// The RL library's `display(_:)` writes them; the book compiler's decoder cuts the frame out
/// of the output and shows the picture in its place. Both sides use these constants, so they
/// cannot drift apart.
public enum DisplayFrame {
  /// Starts a frame; the percent-encoded alt text follows on the same line.
  public static let begin = "\u{1}rlbook-display svg "
  /// Ends a frame, on a line of its own.
  public static let end = "\u{1}rlbook-display end"
}
