/// The works a book cites (`references.toml`, named in `book.toml` as `[book] bibliography`),
/// by citation key.
public struct Bibliography: Sendable, Hashable {
  /// One work: a paper, a book, a post or a piece of software.
  public struct Work: Sendable, Hashable {
    /// The citation key, such as `schulman2017ppo`.
    public var key: String
    /// Every author as "Surname, Given names", or an organisation's name (no comma).
    public var authors: [String]
    /// The title.
    public var title: String
    /// The year of publication.
    public var year: Int
    /// Where it appeared: a journal, a conference, "arXiv preprint arXiv:…", a publisher.
    public var venue: String?
    /// Its address: the arXiv page, the DOI's address or the official page.
    public var url: String
    /// Its DOI, such as `10.1007/BF00992696`, when it has one.
    public var doi: String?
    /// The line of its table's header in the bibliography file.
    public var line: Int?

    /// Creates a work.
    public init(
      key: String, authors: [String], title: String, year: Int, venue: String? = nil,
      url: String, doi: String? = nil, line: Int? = nil
    ) {
      self.key = key
      self.authors = authors
      self.title = title
      self.year = year
      self.venue = venue
      self.url = url
      self.doi = doi
      self.line = line
    }

    /// The authors' surnames: the part of each name before its comma.
    public var surnames: [String] {
      authors.map { name in
        name.split(separator: ",", maxSplits: 1).first.map {
          String($0).trimmingWhitespace
        } ?? name
      }
    }

    /// "Sutton", "Sutton and Barto" or "Schulman et al.", as in an author–year citation.
    public var shortAuthors: String {
      let names = surnames
      switch names.count {
      case 0: return title
      case 1: return names[0]
      case 2: return "\(names[0]) and \(names[1])"
      default: return "\(names[0]) et al."
      }
    }
  }

  /// The works, by key.
  public var works: [String: Work] = [:]
  /// The bibliography file, relative to the book's root (`nil`: the book has none).
  public var path: String?

  /// Creates a bibliography.
  public init(works: [Work] = [], path: String? = nil) {
    for work in works { self.works[work.key] = work }
    self.path = path
  }

  /// Everything about the works that shows on a page, as one string for cache keys.
  public var fingerprint: String {
    sorted.map { work in
      [
        work.key, work.authors.joined(separator: "\u{1E}"), work.title, String(work.year),
        work.venue ?? "", work.url, work.doi ?? "",
      ].joined(separator: "\u{1D}")
    }.joined(separator: "\u{1F}")
  }

  /// The works in the order of a reference list: by first surname, year, title and key.
  public var sorted: [Work] {
    works.values.sorted {
      ($0.surnames.first ?? $0.title, $0.year, $0.title, $0.key)
        < ($1.surnames.first ?? $1.title, $1.year, $1.title, $1.key)
    }
  }

  /// The year as cited, with a letter when two works share their authors' short form and
  /// their year ("2017a", "2017b", in the order of the reference list).
  public func citedYear(of key: String) -> String {
    guard let work = works[key] else { return "" }
    let twins = sorted.filter { $0.year == work.year && $0.shortAuthors == work.shortAuthors }
    guard twins.count > 1, let index = twins.firstIndex(where: { $0.key == key }),
      index < 26
    else { return String(work.year) }
    return String(work.year) + String(UnicodeScalar(UInt8(97 + index)))
  }
}
