import ArgumentParser
import BookCompiler
@main struct RLBook: ParsableCommand {}
