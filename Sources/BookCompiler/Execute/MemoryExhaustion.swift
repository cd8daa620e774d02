import Foundation

/// Recognises a chapter program that stopped because it reached the chapter's memory limit,
/// and says so at the cell.
///
/// Past the limit (`RLIMIT_DATA` on the program), an allocation fails: the Swift runtime
/// stops with "failed to allocate N bytes", C code sees `ENOMEM`, or the program crashes
/// while near the limit. Either sign, on a program that did not end normally, counts; a
/// crash near the limit that the runtime explains otherwise (an index out of range) does not.
struct MemoryExhaustion {
  /// The chapter's limit, in bytes.
  var limit: Int
  /// The most memory the program was seen to hold, in bytes.
  var peak: Int
  /// How the program ended.
  var termination: Termination
  /// What the running cell (and the program outside the cells) wrote to standard error.
  var standardError: String

  /// What allocators and runtimes print when an allocation is refused.
  static let allocationFailures = [
    "failed to allocate", "Could not allocate memory", "Cannot allocate memory",
    "out of memory", "std::bad_alloc",
  ]

  /// Whether the program ran out of memory.
  var ranOut: Bool {
    switch termination {
    case .exited(0), .killed: return false
    case .exited, .signaled: break
    }
    if Self.allocationFailures.contains(where: { standardError.contains($0) }) { return true }
    // A crash near the limit, without a runtime message of its own that explains it. The
    // peak is sampled every 20 ms and may miss the last growth: within 90% counts.
    let explained = ["Fatal error", "Precondition failed", "Assertion failed"].contains {
      standardError.contains($0)
    }
    return !explained && peak >= limit / 10 * 9
  }

  /// The error's message for `cell`, naming the limit and how to raise it.
  static func message(cell: Cell?, limit: Int) -> String {
    let which = cell.map { "the cell at line \($0.fenceLine)" } ?? "the chapter"
    return
      "\(which) ran out of memory (the chapter's limit is \(gibibytes(limit)) GiB;"
      + " raise it with `memory-limit-gib` under [run] in book.toml)"
  }

  /// `bytes` in GiB, without a fraction when it is whole.
  static func gibibytes(_ bytes: Int) -> String {
    let value = Double(bytes) / Double(1 << 30)
    return value == value.rounded() ? String(Int(value)) : String(format: "%.2g", value)
  }
}
