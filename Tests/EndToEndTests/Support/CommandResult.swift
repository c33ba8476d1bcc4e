import Foundation

/// What a finished child process did: its exit status and everything it printed.
struct CommandResult: CustomStringConvertible, Sendable {
    /// The exit status, or the signal number when ``crashed``.
    var status: Int32
    /// Whether the process died of a signal (a trap, a segfault) rather than exiting.
    var crashed: Bool
    /// Standard output, decoded as UTF-8.
    var stdout: String
    /// Standard error, decoded as UTF-8.
    var stderr: String
    /// Whether the process was still running at its time limit and was killed (then ``crashed`` too).
    var timedOut = false

    /// Whether the process exited normally with status 0.
    var succeeded: Bool { !crashed && status == 0 }

    /// Both streams, stdout first (for "does the message mention …" checks).
    var output: String { stdout + stderr }

    var description: String {
        "\(timedOut ? "timed out, " : "")\(crashed ? "killed by signal" : "exit status") \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)---"
    }
}

/// Runs `executable` with `arguments` in `directory`, stdin closed, and waits for it to end; with
/// `timeLimit`, kills it (SIGKILL) when it runs longer and reports ``CommandResult/timedOut``.
///
/// Output goes to files beside `directory` rather than pipes, so a chatty child cannot block on a
/// full pipe while nobody reads it.
func runProcess(
    _ executable: URL, _ arguments: [String], in directory: URL, logs: URL, timeLimit: Duration? = nil
) async throws -> CommandResult {
    let id = UUID().uuidString
    let outURL = logs.appendingPathComponent("\(id).stdout"), errURL = logs.appendingPathComponent("\(id).stderr")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    defer {
        try? out.close()
        try? err.close()
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    let watchdog = Watchdog()
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        process.terminationHandler = { _ in
            watchdog.disarm()
            continuation.resume()
        }
        do { try process.run() } catch {
            process.terminationHandler = nil
            continuation.resume(throwing: error)
            return
        }
        if let timeLimit { watchdog.arm(pid: process.processIdentifier, after: timeLimit) }
    }
    return CommandResult(
        status: process.terminationStatus,
        crashed: process.terminationReason == .uncaughtSignal,
        stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
        timedOut: watchdog.fired)
}

/// Kills a child that outlives its time limit. `@unchecked Sendable`: its state is guarded by the lock.
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var pid: Int32 = 0
    private var killed = false

    /// Kills `pid` after `limit` unless ``disarm()`` comes first.
    func arm(pid: Int32, after limit: Duration) {
        lock.withLock { self.pid = pid }
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            lock.withLock {
                guard self.pid != 0 else { return }
                kill(self.pid, SIGKILL)
                killed = true
            }
        }
    }

    /// Called once the child ended: its pid may be reused, so never signal it after this.
    func disarm() { lock.withLock { pid = 0 } }

    /// Whether the child was killed for running too long.
    var fired: Bool { lock.withLock { killed } }
}

/// The first executable called `name` on `PATH`, if any.
func executableOnPath(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    return path.split(separator: ":")
        .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
}
