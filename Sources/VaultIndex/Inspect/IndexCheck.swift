import Foundation
import VaultStorage

extension Index {
    /// Everything `inspect check` finds wrong with the index in `path`, at most `limit` problems
    /// (empty when it is consistent). Continues past each problem where it can:
    /// 1. the meta pages (on open) and the B-tree structure of `data.mdb`
    ///    (``VaultStorage/Environment/checkStructure(limit:)``), before LMDB walks a tree; when the
    ///    structure is damaged the rest is skipped, since LMDB itself cannot read such a file safely;
    /// 2. the checksum of every key and value of every database (the layers' too);
    /// 3. the cross-checks of ``IndexSnapshot/check()`` (documents, dictionary, postings, prefix
    ///    table, columns), each damaged record reported and walked past.
    /// - Throws: ``IndexError/notAnIndex(path:)``, ``IndexError/formatVersionMismatch(path:found:expected:)``,
    ///   or ``IndexError/corrupt(_:)`` when not even the meta pages can be read.
    public static func check(at path: String, limit: Int = 100) throws(IndexError) -> [String] {
        guard FileManager.default.fileExists(atPath: path + "/data.mdb") else { throw .notAnIndex(path: path) }
        return try IndexError.wrap {
            var options = Environment.Options()
            options.readOnly = true
            let environment = try Environment(directory: path, options: options)
            let structure = try environment.checkStructure(limit: limit)
            if !structure.isEmpty { return structure + [Self.skippedNote] }
            let index: Index
            do { index = try attach(environment, path: path) } catch let error as IndexError {
                guard case .corrupt(let what) = error else { throw error }
                return [what]
            }
            let snapshot: IndexSnapshot
            do { snapshot = try index.snapshot() } catch {
                // Settings or statistics that do not decode: only the checksums can still be walked.
                let checksums = try index.environment.read { txn in
                    try index.databases.all.flatMap { try txn.verifyChecksums(of: $0, limit: limit) }
                } + index.environment.verifyChecksums(ofDatabasesOtherThan: Set(index.databases.all.map(\.name)), limit: limit)
                return ["\(error)"] + checksums.prefix(limit - 1)
            }
            defer { snapshot.close() }
            return try snapshot.check(limit: limit, structure: false)
        }
    }

    static let skippedNote = "the checksum and consistency checks were skipped: LMDB cannot read a file whose structure is damaged"
}

extension IndexSnapshot {
    /// Walks every database and cross-checks them; returns the problems found (empty when consistent).
    ///
    /// Checks the structure of `data.mdb` (its latest snapshot) and every checksum, then: every stored
    /// document has its id mapping and forward index; every term's blocks decode, hold ascending
    /// live docs, agree with the skip table (last doc, count, bounds) and sum to the document
    /// frequency; the forward index names each term exactly `df` times; the statistics match the
    /// stored documents; the prefix table holds each prefix's top terms (``PrefixTableCheck``);
    /// the columns hold exactly what the stored documents imply (``ColumnCheck``). A damaged record
    /// is reported and walked past. O(index size).
    public func check() throws(IndexError) -> [String] { try check(limit: 100, structure: true) }

    func check(limit: Int, structure: Bool) throws(IndexError) -> [String] {
        try IndexError.wrap {
            if structure {
                let faults = try index.environment.checkStructure(limit: limit)
                if !faults.isEmpty { return faults + [Index.skippedNote] }
            }
            var problems: [String] = []
            for database in index.databases.all where problems.count < limit {
                problems += try transaction.verifyChecksums(of: database, limit: limit - problems.count)
            }
            // The layers' databases (trending's), which the index does not open itself.
            if problems.count < limit {
                problems += try index.environment.verifyChecksums(
                    ofDatabasesOtherThan: Set(index.databases.all.map(\.name)), limit: limit - problems.count)
            }
            var checker = IndexChecker(snapshot: self, limit: limit - problems.count)
            return problems + checker.run()
        }
    }
}
