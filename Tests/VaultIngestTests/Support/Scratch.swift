import Foundation
import GRDB
import VaultCorpus
import VaultIndex
@testable import VaultIngest

/// A temporary folder holding one test's store and indexes, removed on deinit.
final class Scratch {
    let path: String
    var store: String { path + "/store.sqlite" }
    var index: String { path + "/index" }

    init() throws {
        path = NSTemporaryDirectory() + "vaultingest-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Creates a PromptVault store from `contents`, with the change log installed.
    @discardableResult
    func makePromptVaultStore(_ contents: StoreContents) throws -> DatabaseQueue {
        let queue = try StoreConnection.create(store)
        try PromptVaultSchema.migrate(queue)
        _ = try StoreLoader().load(contents, into: queue)
        try queue.write { db in try ChangeLog.install(try SourceConfiguration.promptVault(), in: db) }
        return queue
    }
}

/// Collects log lines from the code under test.
final class LogLines: @unchecked Sendable {
    // @unchecked: the lock guards `lines`; nothing else is stored.
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
    var sink: (String) -> Void { { [self] in append($0) } }
}

/// Every document of the index at `path`, by id.
func documents(at path: String) throws -> [String: Document] {
    let index = try Index.open(at: path, readOnly: true)
    var out: [String: Document] = [:]
    try index.snapshot().forEachDocument { out[$0.id] = $0 }
    return out
}

/// For each facetable field of `configuration`, value → ids of the documents that have it.
func facetSets(_ documents: [String: Document], _ configuration: SourceConfiguration) -> [String: [String: Set<String>]] {
    var out: [String: [String: Set<String>]] = [:]
    for document in documents.values {
        for (name, value) in document.fields {
            let base = name.split(separator: ".").first.map(String.init) ?? name
            guard configuration.fields.contains(where: { $0.name == base && $0.facetable }) else { continue }
            let values: [String]
            switch value {
            case .string(let s): values = [s]
            case .strings(let list): values = list
            case .number(let n): values = [String(n)]
            case .bool(let b): values = [String(b)]
            }
            for v in values { out[name, default: [:]][v, default: []].insert(document.id) }
        }
    }
    return out
}
