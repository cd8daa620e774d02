/// How serious a diagnostic is, as compilers spell it.
public enum Severity: String, Sendable, Equatable {
  /// The build cannot succeed.
  case error
  /// Worth a look; the build goes on.
  case warning
  /// Extra information attached to another diagnostic.
  case note
  /// A remark from the compiler.
  case remark
}
