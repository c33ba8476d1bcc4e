/// Everything the daemon is started with. Built by ``ServerConfiguration/load(overrides:file:environment:)``
/// from, in order of precedence: command-line flags, `VAULTSEARCH_*` environment variables, a JSON
/// configuration file, and the defaults below.
public struct ServerConfiguration: Sendable, Equatable {
    /// `host:port` of the TCP listener, or nil for none.
    public var http: String? = "127.0.0.1:7700"
    /// The Unix-domain socket's path (mode 0660), or nil for none.
    public var socket: String? = "data/vaultsearch.sock"
    /// The master key; nil means no authentication, which restricts TCP to loopback.
    public var masterKey: String?
    /// Where keys (`keys.json`) live.
    public var dataDirectory = "data"
    /// The indexes served, in the order `GET /indexes` lists them.
    public var indexes: [IndexDefinition] = [.prompts]
    /// Searches running at once (the searcher pool's threads); default: one per core.
    public var searchThreads = max(1, min(16, System.coreCount))
    /// A search's time budget in milliseconds: waiting for a searcher and running included.
    public var searchTimeBudgetMs = 2_000
    /// Search responses kept per daemon for repeated requests on an unchanged snapshot
    /// (``ResponseCache``); 0 turns the cache off.
    public var searchCacheEntries = 1_000
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes = 1 << 20
    /// The longest `q` accepted, in bytes.
    public var maxQueryBytes = 4_096
    /// The longest request URL (path and query string) accepted, in bytes.
    public var maxURLBytes = 16_384
    /// The most header fields a request may carry.
    public var maxHeaderCount = 100
    /// Whether each index's tailer follows its store's change log inside the daemon.
    public var tail = true
    /// Log level: trace, debug, info, notice, warning, error, critical.
    public var logLevel = "info"

    /// The defaults.
    public init() {}

    /// The TCP host and port, parsed from ``http``.
    public var httpAddress: (host: String, port: Int)? {
        guard let http, let colon = http.lastIndex(of: ":"), let port = Int(http[http.index(after: colon)...]) else { return nil }
        var host = String(http[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }
}

/// One served index: a uid, the mapping that builds its documents, the store it reads, and the
/// directory of its LMDB environment.
public struct IndexDefinition: Sendable, Equatable {
    /// The uid in routes (`/indexes/{uid}`).
    public var uid: String
    /// A shipped mapping's name (`promptvault`, `listings`, `folder-layout`) or a JSON file's path.
    public var mapping: String
    /// The SQLite store.
    public var store: String
    /// The index directory.
    public var path: String

    /// A definition.
    public init(uid: String, mapping: String, store: String, path: String) {
        self.uid = uid
        self.mapping = mapping
        self.store = store
        self.path = path
    }

    /// The default: `prompts` over the PromptVault store of `vaultsearch demo`.
    public static let prompts = IndexDefinition(
        uid: "prompts", mapping: "promptvault", store: "data/promptvault.sqlite", path: "data/promptvault.index")

    /// Parses the flag form `UID:MAPPING:STORE[:INDEXDIR]` (index directory default `data/UID.index`).
    public static func parse(_ text: String) -> IndexDefinition? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 || parts.count == 4, parts.allSatisfy({ !$0.isEmpty }), isValidUID(parts[0]) else { return nil }
        return IndexDefinition(uid: parts[0], mapping: parts[1], store: parts[2], path: parts.count == 4 ? parts[3] : "data/\(parts[0]).index")
    }

    /// Meilisearch's rule: alphanumerics, `-` and `_`, at most 400 bytes.
    public static func isValidUID(_ uid: String) -> Bool {
        !uid.isEmpty && uid.utf8.count <= 400 && uid.utf8.allSatisfy { $0 == 0x2D || $0 == 0x5F || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }
}

/// Facts about the machine.
enum System {
    /// Online processors.
    static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

#if canImport(Glibc)
import Glibc
#endif
