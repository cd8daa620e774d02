import Foundation

/// A 128-bit FNV-1a hash (two independent 64-bit lanes), stable across runs and machines.
/// It names cache entries; entries also store their full key, so a collision is harmless.
struct StableHasher {
  private var a: UInt64 = 0xcbf2_9ce4_8422_2325
  private var b: UInt64 = 0x6c62_272e_07bb_0142

  /// Mixes `data` into the hash.
  mutating func combine(_ data: Data) {
    data.withUnsafeBytes { raw in
      var x = a
      var y = b
      for byte in raw.bindMemory(to: UInt8.self) {
        x = (x ^ UInt64(byte)) &* 0x100_0000_01b3
        y = (y ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 0x9e37
      }
      a = x
      b = y
    }
  }

  /// Mixes `text` (as UTF-8) and a separator into the hash.
  mutating func combine(_ text: String) {
    combine(Data(text.utf8))
    combine(Data([0xff]))
  }

  /// The hash as 32 hexadecimal digits.
  var hexDigest: String {
    String(format: "%016llx%016llx", a, b)
  }

  /// The hash of one string.
  static func digest(_ text: String) -> String {
    var hasher = StableHasher()
    hasher.combine(text)
    return hasher.hexDigest
  }

  /// The hash of some bytes.
  static func digest(_ data: Data) -> String {
    var hasher = StableHasher()
    hasher.combine(data)
    return hasher.hexDigest
  }
}
