import Foundation

/// Runs a function over chapters on up to `jobs` threads at once and returns the results in
/// order. Chapter work blocks on child processes, so plain threads suit it better than the
/// cooperative pool.
struct ChapterScheduler {
  var jobs: Int

  func map<T: Sendable>(_ chapters: [Chapter], _ body: @Sendable @escaping (Chapter) -> T) -> [T] {
    let results = ResultBox<T>(count: chapters.count)
    let next = ResultBox<Int>(count: 1)
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, chapters.count))) { _ in
      while let index = next.takeNext(limit: chapters.count) {
        results.set(index, body(chapters[index]))
      }
    }
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
