import Configuration
import Foundation

/// A configuration that cannot be used, with what to change.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public var message: String
    public var description: String { message }
}

extension ServerConfiguration {
    /// The keys, as they appear in the configuration file (JSON, nested objects or dotted keys),
    /// as `VAULTSEARCH_`-prefixed environment variables (`http` → `VAULTSEARCH_HTTP`,
    /// `search.threads` → `VAULTSEARCH_SEARCH_THREADS`), and as flags of `vaultsearch serve`.
    public static let keys: [(key: String, help: String)] = [
        ("http", "TCP listener host:port, or \"off\" (default 127.0.0.1:7700)"),
        ("socket", "Unix socket path, or \"off\" (default data/vaultsearch.sock)"),
        ("master.key", "master key; without one, no authentication and TCP on loopback only"),
        ("data.dir", "folder for keys.json (default data)"),
        ("indexes", "served indexes, comma-separated UID:MAPPING:STORE[:INDEXDIR] (default prompts:promptvault:data/promptvault.sqlite:data/promptvault.index)"),
        ("search.threads", "searches at once (default: one per core)"),
        ("search.budget.ms", "a search's time budget in ms, queueing included (default 2000)"),
        ("search.cache.entries", "search responses cached for repeats on an unchanged index, 0 = off (default 1000)"),
        ("max.body.bytes", "largest request body (default 1048576)"),
        ("max.query.bytes", "longest q in bytes (default 4096)"),
        ("max.url.bytes", "longest request URL, path and query string, in bytes (default 16384)"),
        ("max.header.count", "most header fields in a request (default 100)"),
        ("tail", "follow each store's change log: true or false (default true)"),
        ("log.level", "trace, debug, info, notice, warning, error or critical (default info)"),
    ]

    /// Reads the configuration: `overrides` (the flags given) first, then the environment, then
    /// `file` (JSON) when given, then the defaults. Checks every value.
    public static func load(overrides: [String: String], file: String?, environment: [String: String]? = nil) async throws -> ServerConfiguration {
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "flags", values: Dictionary(uniqueKeysWithValues: overrides.map { (AbsoluteConfigKey($0.key.split(separator: ".").map(String.init)), ConfigValue(.string($0.value), isSecret: $0.key == "master.key")) })),
        ]
        let env = environment.map { EnvironmentVariablesProvider(environmentVariables: $0) } ?? EnvironmentVariablesProvider()
        providers.append(KeyMappingProvider(upstream: env) { key in key.prepending(["vaultsearch"]) })
        if let file {
            guard FileManager.default.fileExists(atPath: file) else { throw ConfigurationError(message: "configuration file \(file) does not exist") }
            do {
                providers.append(try await FileProvider<JSONSnapshot>(filePath: .init(file)))
            } catch {
                throw ConfigurationError(message: "configuration file \(file): \(error)")
            }
        }
        let reader = ConfigReader(providers: providers)
        return try from(reader)
    }

    private static func from(_ reader: ConfigReader) throws -> ServerConfiguration {
        var configuration = ServerConfiguration()
        func text(_ key: String) -> String? { reader.string(forKey: ConfigKey(key.split(separator: ".").map(String.init)), isSecret: key == "master.key") }
        func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
            guard let value = text(key) else { return nil }
            guard let number = Int(value), range.contains(number) else {
                throw ConfigurationError(message: "\(key) must be an integer in \(range.lowerBound)...\(range.upperBound), not '\(value)'")
            }
            return number
        }
        if let http = text("http") { configuration.http = http == "off" ? nil : http }
        if configuration.http != nil, configuration.httpAddress == nil {
            throw ConfigurationError(message: "http must be host:port (e.g. 127.0.0.1:7700) or off, not '\(configuration.http!)'")
        }
        if let socket = text("socket") { configuration.socket = socket == "off" ? nil : socket }
        if configuration.http == nil, configuration.socket == nil { throw ConfigurationError(message: "http and socket are both off: nothing to listen on") }
        if let key = text("master.key") {
            guard key.utf8.count >= 16 else { throw ConfigurationError(message: "the master key must be at least 16 bytes long") }
            configuration.masterKey = key
        }
        if let directory = text("data.dir") { configuration.dataDirectory = directory }
        if let list = text("indexes") {
            var definitions: [IndexDefinition] = []
            for item in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
                guard let definition = IndexDefinition.parse(item) else {
                    throw ConfigurationError(message: "an index is UID:MAPPING:STORE[:INDEXDIR] with a uid of letters, digits, - and _, not '\(item)'")
                }
                if definitions.contains(where: { $0.uid == definition.uid }) { throw ConfigurationError(message: "index uid '\(definition.uid)' is listed twice") }
                definitions.append(definition)
            }
            guard !definitions.isEmpty else { throw ConfigurationError(message: "indexes lists no index") }
            configuration.indexes = definitions
        }
        if let threads = try integer("search.threads", in: 1...256) { configuration.searchThreads = threads }
        if let budget = try integer("search.budget.ms", in: 1...600_000) { configuration.searchTimeBudgetMs = budget }
        if let entries = try integer("search.cache.entries", in: 0...1_000_000) { configuration.searchCacheEntries = entries }
        if let body = try integer("max.body.bytes", in: 1_024...(1 << 30)) { configuration.maxBodyBytes = body }
        if let query = try integer("max.query.bytes", in: 16...(1 << 20)) { configuration.maxQueryBytes = query }
        if let url = try integer("max.url.bytes", in: 256...(1 << 20)) { configuration.maxURLBytes = url }
        if let count = try integer("max.header.count", in: 8...1_000) { configuration.maxHeaderCount = count }
        if let tail = text("tail") {
            guard let flag = Bool(tail) else { throw ConfigurationError(message: "tail must be true or false, not '\(tail)'") }
            configuration.tail = flag
        }
        if let level = text("log.level") {
            guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(level) else {
                throw ConfigurationError(message: "log.level must be trace, debug, info, notice, warning, error or critical, not '\(level)'")
            }
            configuration.logLevel = level
        }
        return configuration
    }
}
