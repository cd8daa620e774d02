/// The lines that frame a picture, or export a value, in a cell's standard output.
///
/// The RL library's `display(_:)` writes them; the book compiler's decoder cuts the frame out
/// of the output and shows the picture in its place. Both sides use these constants, so they
/// cannot drift apart.
public enum DisplayFrame {
  /// Starts a frame; the percent-encoded alt text follows on the same line.
  public static let begin = "\u{1}rlbook-display svg "
  /// Ends a frame, on a line of its own.
  public static let end = "\u{1}rlbook-display end"
  /// Starts a line that exports a value to the chapter's prose: the name, one space, and the
  /// percent-encoded value follow on the same line.
  public static let export = "\u{1}rlbook-export "

  /// Whether `name` can name an exported value: an ASCII letter, then ASCII letters, digits
  /// and underscores, at most 64 in all.
  public static func isValidExportName(_ name: some StringProtocol) -> Bool {
    guard let first = name.utf8.first, name.utf8.count <= 64, isLetter(first) else {
      return false
    }
    return name.utf8.allSatisfy { isLetter($0) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
  }
}
