import VaultIndex

/// What one request may do and see, decided once by the authentication middleware from the master
/// key, an API key or a tenant token, and read by every route. Routes never look at headers
/// themselves: they ask the grant.
public struct AccessGrant: Sendable {
    /// The actions allowed (Meilisearch's names: `search`, `documents.get`, `indexes.get`,
    /// `settings.get`, `stats.get`, `keys.get`, `keys.create`, `keys.update`, `keys.delete`,
    /// `metrics.get`, `version`, `*`; a `family.*` entry allows the whole family). The full list a
    /// key may carry is ``APIKey/knownActions``.
    public var actions: Set<String>
    /// The index uids allowed (`*` for all; a trailing `*` is a prefix pattern).
    public var indexes: [String]
    /// Per-index rules a tenant token forces (keyed by uid or pattern); nil without a token.
    public var searchRules: [String: SearchRule]?
    /// The uid of the key the request authenticated with (nil for the master key or no auth).
    public var keyUID: String?

    /// A grant.
    public init(actions: Set<String>, indexes: [String], searchRules: [String: SearchRule]? = nil, keyUID: String? = nil) {
        self.actions = actions
        self.indexes = indexes
        self.searchRules = searchRules
        self.keyUID = keyUID
    }

    /// Everything, seeing only public documents: the master key, or a daemon without one.
    public static let everything = AccessGrant(actions: ["*"], indexes: ["*"])

    /// A rule of a tenant token for one index: a filter ANDed to every search, and optionally the
    /// owner whose non-public documents the request may also see.
    public struct SearchRule: Sendable, Equatable {
        /// The forced filter (already parsed), or nil.
        public var filter: FilterExpression?
        /// The owner (the index's visibility owner field value), or nil for public documents only.
        public var owner: String?

        /// A rule.
        public init(filter: FilterExpression? = nil, owner: String? = nil) {
            self.filter = filter
            self.owner = owner
        }
    }

    /// Whether `action` is allowed on `index` (nil for routes that name no index).
    public func allows(_ action: String, index: String? = nil) -> Bool {
        guard actionAllowed(action) else { return false }
        guard let index else { return true }
        guard indexes.contains(where: { Self.matches(pattern: $0, index) }) else { return false }
        if let searchRules { return rule(for: index, in: searchRules) != nil }
        return true
    }

    private func actionAllowed(_ action: String) -> Bool {
        if actions.contains("*") || actions.contains(action) { return true }
        if let dot = action.firstIndex(of: ".") { return actions.contains(action[..<dot] + ".*") }
        return false
    }

    /// The scope of searches on `index`: the token's owner, else public documents only.
    public func scope(for index: String) -> SearchScope {
        guard let searchRules, let rule = rule(for: index, in: searchRules), let owner = rule.owner else { return .publicOnly }
        return .owner(owner)
    }

    /// The filter forced on every search of `index` (ANDed with the request's own).
    public func forcedFilter(for index: String) -> FilterExpression? {
        guard let searchRules else { return nil }
        return rule(for: index, in: searchRules)?.filter
    }

    private func rule(for index: String, in rules: [String: SearchRule]) -> SearchRule? {
        if let exact = rules[index] { return exact }
        return rules.filter { Self.matches(pattern: $0.key, index) }.sorted { $0.key.count > $1.key.count }.first?.value
    }

    /// `*` matches everything; `abc*` every uid starting with `abc`; anything else itself.
    public static func matches(pattern: String, _ uid: String) -> Bool {
        if pattern == "*" { return true }
        if pattern.hasSuffix("*") { return uid.hasPrefix(pattern.dropLast()) }
        return pattern == uid
    }
}

extension FilterExpression {
    /// `forced AND own`: the request's own filter can only narrow what the forced one allows.
    static func narrowing(_ own: FilterExpression?, by forced: FilterExpression?) -> FilterExpression? {
        switch (own, forced) {
        case (nil, nil): return nil
        case (let own?, nil): return own
        case (nil, let forced?): return forced
        case (let own?, let forced?): return .and([forced, own])
        }
    }
}
