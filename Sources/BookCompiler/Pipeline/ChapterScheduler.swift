import Foundation

/// Runs a function over chapters on up to `jobs` threads at once and returns the results in
/// the chapters' order. Chapter work blocks on child processes, so plain threads suit it
/// better than the cooperative pool.
///
/// Chapters start longest first, by the run times of earlier builds: a long chapter started
/// last would leave the other cores idle at the end (the longest-processing-time rule).
/// Chapters with no known time start first, from the end of the book: later chapters build
/// on more machinery (in this book, they train language models), so they tend to run longest.
struct ChapterScheduler {
  var jobs: Int
  /// Seconds each chapter took last time, by path.
  var expectedSeconds: [String: Double] = [:]

  func map<T: Sendable>(_ chapters: [Chapter], _ body: @Sendable @escaping (Chapter) -> T) -> [T] {
    let order = chapters.indices.sorted { a, b in
      let ta = expectedSeconds[chapters[a].path] ?? .infinity
      let tb = expectedSeconds[chapters[b].path] ?? .infinity
      return ta != tb ? ta > tb : a > b
    }
    let results = ResultBox<T>(count: chapters.count)
    let next = ResultBox<Int>(count: 1)
    // Dedicated threads, one per job: dispatch's shared pool may hold a job back while its
    // threads are busy elsewhere (such as typesetting), and chapter work blocks for seconds.
    let finished = DispatchSemaphore(value: 0)
    let workers = max(1, min(jobs, chapters.count))
    for _ in 0..<workers {
      let thread = Thread {
        while let position = next.takeNext(limit: chapters.count) {
          let index = order[position]
          results.set(index, body(chapters[index]))
        }
        finished.signal()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    for _ in 0..<workers { finished.wait() }
    return results.values()
  }
}

/// A locked array of results, filled from several threads.
private final class ResultBox<T>: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [T?]
  private var counter = 0

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: T) { lock.withLock { storage[index] = value } }

  func takeNext(limit: Int) -> Int? {
    lock.withLock {
      guard counter < limit else { return nil }
      defer { counter += 1 }
      return counter
    }
  }

  func values() -> [T] { lock.withLock { storage.map { $0! } } }
}
