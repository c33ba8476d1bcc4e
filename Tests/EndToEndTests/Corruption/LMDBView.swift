import Foundation

/// What LMDB's own tools read from an index directory: every database's keys and values
/// (`mdb_dump -a`), the environment, free list and per-database page counts (`mdb_stat -ffe`,
/// `mdb_stat -a`), and how each tool ended. The fuzz test's yardstick of "damage anyone can
/// see": a damaged copy whose view equals the original's was changed only where LMDB never reads
/// (a free page, the unused middle of a page, the unused end of an overflow run).
///
/// The map size line is left out: `mdb_stat` prints the map size stored in the meta page, which
/// this build never reads (it always sets its own), so a change there is harmless and invisible to it.
/// So are the reader-table lines, which describe `lock.mdb`, not the data file.
struct LMDBView: Equatable, Sendable {
    static let dump = executableOnPath("mdb_dump")
    static let stat = executableOnPath("mdb_stat")

    /// Whether both tools are installed (Debian: `lmdb-utils`).
    static var isAvailable: Bool { dump != nil && stat != nil }

    /// Each tool's exit (or signal) and output, in order.
    let outputs: [String]

    /// The view of the environment in `directory` (relative to `workspace`).
    static func read(_ directory: String, in workspace: Workspace) async throws -> LMDBView {
        guard let dump, let stat else { return LMDBView(outputs: []) }
        var outputs: [String] = []
        for (tool, arguments) in [(dump, ["-a"]), (stat, ["-ffe"]), (stat, ["-a"])] {
            let result = try await workspace.run(tool, arguments + [directory], timeLimit: .seconds(30))
            let kept = result.stdout.split(separator: "\n").filter { line in
                !line.contains("Map size") && !line.contains("readers")
            }
            outputs.append("\(result.crashed ? "signal" : "status") \(result.status)\n" + kept.joined(separator: "\n"))
        }
        return LMDBView(outputs: outputs)
    }
}
