import Foundation

/// The site's static assets, shipped as package resources (`Assets/`).
enum Stylesheet {
  /// The stylesheet, `assets/book.css`.
  static let css = load("book.css")
  /// The script, `assets/book.js`.
  static let script = load("book.js")

  private static func load(_ name: String) -> String {
    guard
      let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Assets"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { fatalError("rlbook's asset \(name) is missing from its resource bundle") }
    return text
  }
}
