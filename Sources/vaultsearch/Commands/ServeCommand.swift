import ArgumentParser
import Foundation
import Logging
import VaultServer

/// `vaultsearch serve`: the daemon. One HTTP API on TCP and on a Unix socket, the tailers inside.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API on TCP and a Unix socket, following each store's change log.",
        discussion: """
            Settings come from, in order of precedence: these flags, VAULTSEARCH_* environment \
            variables (VAULTSEARCH_HTTP, VAULTSEARCH_SOCKET, VAULTSEARCH_MASTER_KEY, VAULTSEARCH_INDEXES, \
            VAULTSEARCH_SEARCH_THREADS, VAULTSEARCH_SEARCH_BUDGET_MS, VAULTSEARCH_MAX_BODY_BYTES, \
            VAULTSEARCH_MAX_QUERY_BYTES, VAULTSEARCH_MAX_URL_BYTES, VAULTSEARCH_MAX_HEADER_COUNT, VAULTSEARCH_TAIL, VAULTSEARCH_LOG_LEVEL, VAULTSEARCH_DATA_DIR), \
            the JSON file of --config (the same keys, dotted or nested: {"http": "...", "search": {"threads": 4}}), \
            and the defaults. An index whose directory holds none is built from its store first. \
            SIGTERM or SIGINT stops both listeners at once; in-flight requests and the current ingest \
            batch finish, then the process exits 0.
            """)

    @Option(name: .long, help: "A JSON configuration file.")
    var config: String?

    @Option(name: .long, help: "TCP listener host:port, or off (default 127.0.0.1:7700).")
    var http: String?

    @Option(name: .long, help: "Unix socket path (mode 0660), or off (default data/vaultsearch.sock).")
    var socket: String?

    @Option(name: .customLong("master-key"), help: "The master key. Without one every route is open and TCP binds loopback only.")
    var masterKey: String?

    @Option(name: .customLong("data-dir"), help: "The folder keys.json lives in (default data).")
    var dataDir: String?

    @Option(name: .long, help: "An index to serve: UID:MAPPING:STORE[:INDEXDIR] (repeatable; default prompts:promptvault:data/promptvault.sqlite:data/promptvault.index). MAPPING is a shipped mapping (promptvault, listings, folder-layout) or a JSON file.")
    var index: [String] = []

    @Option(name: .customLong("search-threads"), help: "Searches running at once (default: one per core).")
    var searchThreads: Int?

    @Option(name: .customLong("search-budget-ms"), help: "A search's time budget in ms, waiting included (default 2000).")
    var searchBudgetMs: Int?

    @Option(name: .customLong("search-cache-entries"), help: "Search responses cached for repeated requests on an unchanged index; 0 turns it off (default 1000).")
    var searchCacheEntries: Int?

    @Option(name: .customLong("max-body-bytes"), help: "The largest request body (default 1048576).")
    var maxBodyBytes: Int?

    @Option(name: .customLong("max-query-bytes"), help: "The longest q, in bytes (default 4096).")
    var maxQueryBytes: Int?

    @Option(name: .customLong("max-url-bytes"), help: "The longest request URL, path and query string (default 16384).")
    var maxURLBytes: Int?

    @Option(name: .customLong("max-header-count"), help: "The most header fields in a request (default 100).")
    var maxHeaderCount: Int?

    @Option(name: .long, help: "Follow each store's change log: true or false (default true).")
    var tail: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (default info).")
    var logLevel: String?

    /// The flags given, as configuration keys.
    var overrides: [String: String] {
        var values: [String: String] = [:]
        values["http"] = http
        values["socket"] = socket
        values["master.key"] = masterKey
        values["data.dir"] = dataDir
        if !index.isEmpty { values["indexes"] = index.joined(separator: ",") }
        values["search.threads"] = searchThreads.map(String.init)
        values["search.budget.ms"] = searchBudgetMs.map(String.init)
        values["search.cache.entries"] = searchCacheEntries.map(String.init)
        values["max.body.bytes"] = maxBodyBytes.map(String.init)
        values["max.query.bytes"] = maxQueryBytes.map(String.init)
        values["max.url.bytes"] = maxURLBytes.map(String.init)
        values["max.header.count"] = maxHeaderCount.map(String.init)
        values["tail"] = tail
        values["log.level"] = logLevel
        return values
    }

    func run() async throws {
        let configuration: ServerConfiguration
        do {
            configuration = try await ServerConfiguration.load(overrides: overrides, file: config)
        } catch let error as ConfigurationError {
            throw ValidationError(error.message)
        }
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let logger = {
            var logger = Logger(label: "vaultsearch")
            logger.logLevel = Logger.Level(rawValue: configuration.logLevel) ?? .info
            return logger
        }()
        let daemon: VaultDaemon
        do {
            daemon = try await buildApplication(configuration, logger: logger)
        } catch {
            logger.critical("cannot start: \(error)")
            throw ExitCode(1)
        }
        do {
            try await daemon.run { address in logger.notice("listening on \(address)") }
        } catch {
            logger.critical("the server stopped: \(error)")
            throw ExitCode(1)
        }
        logger.notice("stopped")
    }
}
