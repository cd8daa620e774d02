import Foundation

/// The run time of each chapter in the last build that ran it, kept in the cache folder to
/// order the next build's work (see `ChapterScheduler`).
struct ChapterTimings {
  /// The file that holds the times.
  var file: PersistentFile<[String: Double]>

  /// Times kept at `url`.
  init(url: URL) {
    file = PersistentFile(url: url, format: "timings 1")
  }

  /// The remembered times, by chapter path.
  func load() -> [String: Double] {
    file.load() ?? [:]
  }

  /// Remembers the times of the chapters that ran, keeping the others.
  func update(with outcomes: [ChapterOutcome]) {
    let ran = outcomes.filter { $0.source != .cached }
    guard !ran.isEmpty else { return }
    var times = load()
    for outcome in ran { times[outcome.path] = outcome.compileSeconds + outcome.runSeconds }
    try? file.save(times)
  }
}
