import Foundation

/// Writes one line about a benchmark's setup (what was built, which terms were picked, how many
/// queries match) to standard error, which the benchmark driver passes through to the terminal.
/// Setup runs once per benchmark process, so benchmarks that share a setup print the same lines.
public func reportSetup(_ line: String) {
    FileHandle.standardError.write(Data(("setup: " + line + "\n").utf8))
}

/// Runs `body` and reports `what` with the seconds it took: `setup: indexed 50000 documents in 21.4 s`.
public func timedSetup<T>(_ what: String, _ body: () throws -> T) rethrows -> T {
    let start = ContinuousClock.now
    let result = try body()
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    reportSetup(what + " in " + String(format: "%.1f s", seconds))
    return result
}
