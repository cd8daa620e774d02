/// A small, fast, seeded pseudo-random generator (xoshiro256**), so every run of the book
/// draws the same numbers on every machine.
///
/// The state is expanded from a 64-bit seed with SplitMix64, as the xoshiro authors
/// recommend (Blackman & Vigna, "Scrambled Linear Pseudorandom Number Generators", 2021).
/// Every random function in `RL` takes one of these explicitly: there is no global state.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// Creates a generator whose whole future is fixed by `seed`.
  public init(seed: UInt64) {
    var x = seed
    func splitMix() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = splitMix()
    s1 = splitMix()
    s2 = splitMix()
    s3 = splitMix()
  }

  /// Returns the next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, by: 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, by: 45)
    return result
  }

  /// Returns an independent generator for a sub-task (for example one seed of an
  /// experiment), derived from this generator's stream.
  public mutating func split() -> SeededGenerator {
    SeededGenerator(seed: next())
  }

  @inlinable
  func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
