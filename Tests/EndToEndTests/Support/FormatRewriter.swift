import Foundation
import Testing

/// Rewrites the `format` key of an index's `meta` database with Debian's `lmdb-utils`
/// (`mdb_dump`, `mdb_load`), to make an index that looks written by another format version.
enum FormatRewriter {
    static let dump = executableOnPath("mdb_dump")
    static let load = executableOnPath("mdb_load")

    /// Whether both tools are installed.
    static var isAvailable: Bool { dump != nil && load != nil }

    /// `"format"` in the hex of `mdb_dump`'s value lines.
    private static let formatKey = " " + "format".utf8.map { String(format: "%02x", $0) }.joined()

    /// Sets the format version of the index at `index` (relative to `workspace`) to the current
    /// one plus one; returns (current, written).
    static func bumpVersion(of index: String, in workspace: Workspace) async throws -> (found: UInt32, written: UInt32) {
        let dump = try #require(dump), load = try #require(load)
        let dumped = try await workspace.run(dump, ["-s", "meta", index])
        try #require(dumped.succeeded, "mdb_dump failed: \(dumped)")
        var lines = dumped.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let keyLine = try #require(lines.firstIndex(of: formatKey), "no format key in the meta dump:\n\(dumped.stdout)")
        // The value is the version (4 bytes big-endian) and, since version 4, its checksum; the
        // forged value is 4 bytes, as older builds wrote it (no checksum), which the reader accepts
        // precisely so that it can report the mismatch.
        let current = try #require(UInt32(lines[keyLine + 1].trimmingCharacters(in: .whitespaces).prefix(8), radix: 16))
        let written = current + 1
        lines[keyLine + 1] = " " + String(format: "%08x", written)
        try workspace.write("meta.dump", lines.joined(separator: "\n"))
        let loaded = try await workspace.run(load, ["-s", "meta", "-f", "meta.dump", index])
        try #require(loaded.succeeded, "mdb_load failed: \(loaded)")
        return (current, written)
    }
}
