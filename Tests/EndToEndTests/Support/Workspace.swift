import Foundation
import Testing

/// A temporary folder for one test, removed when the test lets go of it.
///
/// Commands run with ``directory`` as their working directory, so tests pass relative paths and
/// the CLI's messages name files as the user typed them (`corpus.jsonl:3`). Captured output is
/// kept outside ``directory``: a listing of it shows only what the CLI left there.
final class Workspace: Sendable {
    /// Holds ``directory`` and the captured output.
    let root: URL
    /// The working directory of the commands run.
    let directory: URL
    private let logs: URL

    /// Creates a fresh, empty workspace under the system's temporary directory.
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vaultsearch-e2e-\(UUID().uuidString)")
        directory = root.appendingPathComponent("work")
        logs = root.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The URL of `name` (a path relative to ``directory``).
    func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// Writes `text` to `name`.
    func write(_ name: String, _ text: String) throws { try write(name, bytes: Array(text.utf8)) }

    /// Writes raw bytes (for example invalid UTF-8) to `name`.
    func write(_ name: String, bytes: [UInt8]) throws { try Data(bytes).write(to: url(name)) }

    /// The contents of `name`.
    func read(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// Whether anything (file or folder) is at `name`.
    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url(name).path) }

    /// The names in ``directory`` (hidden ones included), sorted.
    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// Runs `vaultsearch` with `arguments` in ``directory``.
    func vaultsearch(_ arguments: String...) async throws -> CommandResult {
        try await vaultsearch(arguments)
    }

    /// Runs `vaultsearch` with `arguments` in ``directory``.
    func vaultsearch(_ arguments: [String]) async throws -> CommandResult {
        let executable = try #require(
            Binary.executable,
            "no vaultsearch binary; looked at \(Binary.candidates.map(\.path).joined(separator: ", "))")
        return try await runProcess(executable, arguments, in: directory, logs: logs)
    }

    /// Runs `vaultsearch` with `arguments` in ``directory``, killed after `timeLimit`.
    func vaultsearch(_ arguments: [String], timeLimit: Duration) async throws -> CommandResult {
        let executable = try #require(Binary.executable, "no vaultsearch binary")
        return try await runProcess(executable, arguments, in: directory, logs: logs, timeLimit: timeLimit)
    }

    /// Runs another program (a helper tool) in ``directory``, killed after `timeLimit` when given.
    func run(_ executable: URL, _ arguments: [String], timeLimit: Duration? = nil) async throws -> CommandResult {
        try await runProcess(executable, arguments, in: directory, logs: logs, timeLimit: timeLimit)
    }
}
