/// Where each public top-level declaration of the library lives on the site, so highlighted
/// code can link a name to its definition, as rustdoc's source view does.
struct SymbolLinks: Sendable {
  /// The address of each name's definition, relative to the site's root.
  let addresses: [String: String]
  /// A digest of `addresses`, for the keys of cached highlighted code.
  let digest: String

  /// No links.
  static let none = SymbolLinks(addresses: [:])

  init(addresses: [String: String]) {
    self.addresses = addresses
    digest =
      addresses.isEmpty
      ? ""
      : StableHasher.digest(
        addresses.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: "\n"))
  }

  /// The library's public top-level names; a name declared twice (overloads) links to its first
  /// declaration.
  init(library: Library?) {
    var addresses = [String: String]()
    for symbol in library?.symbols ?? [] where symbol.isPublicTopLevel {
      if addresses[symbol.name] == nil { addresses[symbol.name] = library!.address(of: symbol) }
    }
    self.init(addresses: addresses)
  }

  /// Keywords after which a name is being declared, not used.
  private static let declaring: Set<String> = [
    "func", "let", "var", "struct", "class", "enum", "protocol", "typealias", "case", "actor",
  ]

  /// The address for the identifier `name` found at `start` in `bytes`: only a use of the name,
  /// not a member access (`x.name`), a declaration of its own (`func name`) or an argument label.
  func address(of name: String, at start: Int, in bytes: [UInt8]) -> String? {
    guard let address = addresses[name] else { return nil }
    var i = start - 1
    while i >= 0, bytes[i] == 0x20 || bytes[i] == 0x09 { i -= 1 }
    if i >= 0, bytes[i] == UInt8(ascii: ".") { return nil }
    var wordStart = i
    while wordStart >= 0, Self.isWordByte(bytes[wordStart]) { wordStart -= 1 }
    if wordStart < i {
      let word = String(decoding: bytes[(wordStart + 1)...i], as: UTF8.self)
      if Self.declaring.contains(word) { return nil }
    }
    return address
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x61 && byte <= 0x7A)
      || byte == 0x5F
  }
}
