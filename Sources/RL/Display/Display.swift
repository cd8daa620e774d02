import CellHarness
import Foundation

/// Something a chapter cell can show as a picture under the cell: a plot or a chart.
public protocol SVGRenderable {
  /// The complete, self-contained `<svg>` element.
  var svg: String { get }
  /// A one-sentence description for readers who cannot see the picture (the `alt` text).
  var altText: String { get }
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
