import CellHarness
import Foundation

/// Something a chapter cell can show as a picture under the cell: a plot or a chart.
public protocol SVGRenderable {
  /// The complete, self-contained `<svg>` element.
  var svg: String { get }
  /// A one-sentence description for readers who cannot see the picture (the `alt` text).
  var altText: String { get }
}

/// Shows `picture` under the current cell of the book. Outside the book (a chapter run in a
/// terminal) it prints one line naming the picture instead of its SVG.
public func display(_ picture: some SVGRenderable) {
  guard ChapterHarness.isInBook else {
    print("[figure: \(picture.altText)]")
    return
  }
  let alt =
    picture.altText.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
  print(DisplayFrame.begin + alt)
  print(picture.svg)
  print(DisplayFrame.end)
  fflush(nil)  // flush every C stream, so the frame lands before later output
}
