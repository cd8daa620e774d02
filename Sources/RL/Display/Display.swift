import Foundation

/// Something a chapter cell can show as a picture under the cell: a plot or a chart.
public protocol SVGRenderable {
  /// The complete, self-contained `<svg>` element.
  var svg: String { get }
  /// A one-sentence description for readers who cannot see the picture (the `alt` text).
  var altText: String { get }
}

/// The framing that `display(_:)` writes around a picture on standard output. The book
/// compiler cuts these frames out of a cell's output and shows the picture in its place.
public enum DisplayFrame {
  /// Starts a frame; the percent-encoded alt text follows on the same line.
  public static let begin = "\u{1}rlbook-display svg "
  /// Ends a frame, on a line of its own.
  public static let end = "\u{1}rlbook-display end"
}

/// Shows `picture` under the current cell of the book. Outside the book it prints the SVG
/// between two marker lines, so the output stays usable in a terminal.
public func display(_ picture: some SVGRenderable) {
  let alt =
    picture.altText.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
  print(DisplayFrame.begin + alt)
  print(picture.svg)
  print(DisplayFrame.end)
  fflush(nil)  // flush every C stream, so the frame lands before later output
}
