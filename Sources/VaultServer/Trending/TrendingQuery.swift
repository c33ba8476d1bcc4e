import VaultIndex
import VaultTrending

/// A request for one trending list or leaderboard, read from a query string and checked: which
/// list (formula, or order and period), the prompt selection (category, tag, model, filter), the
/// page (`limit` up to ``maximumLimit``, `offset + limit` up to the reader's window), and the
/// document fields each prompt hit carries (`fields`, default all).
///
/// Defaults: `formula=decay`; prompt leaderboards `by=rating`, author leaderboards
/// `by=reputation`; `period=week`; `limit=20`, `offset=0`. Every fault is a 400 whose code names
/// the parameter (`invalid_trending_formula`, `invalid_leaderboard_period`, ...); a parameter the
/// route does not take is `bad_request` naming the accepted ones.
struct TrendingQuery: Sendable {
    /// Which list.
    enum List: Sendable, Equatable {
        case trending(TrendingFormula)
        case prompts(PromptLeaderboard, LeaderboardPeriod)
        case authors(AuthorLeaderboard, LeaderboardPeriod)
    }

    /// The route family, which decides the parameters and the error codes' prefix.
    enum Kind: Sendable {
        case trending, prompts, authors

        /// `invalid_trending_` or `invalid_leaderboard_`.
        var codePrefix: String { self == .trending ? "invalid_trending_" : "invalid_leaderboard_" }

        /// The parameters the route takes (besides `index` on the short forms).
        var parameters: [String] {
            switch self {
            case .trending: return ["formula", "limit", "offset", "category", "tag", "model", "filter", "fields"]
            case .prompts: return ["by", "period", "limit", "offset", "category", "tag", "model", "filter", "fields"]
            case .authors: return ["by", "period", "limit", "offset"]
            }
        }
    }

    /// The most entries one request returns.
    static let maximumLimit = 1_000
    /// The default page size.
    static let defaultLimit = 20
    /// The default leaderboard period.
    static let defaultPeriod = LeaderboardPeriod.week

    var list: List
    /// The prompts the list may hold (the grant's forced filter is ANDed in by ``narrowed(by:)``).
    var selection = PromptSelection()
    var limit = TrendingQuery.defaultLimit
    var offset = 0
    /// The document fields of each prompt hit (`*` for all).
    var fields = ["*"]

    /// Reads `object` (the query string as ``Request/queryObject(numbers:flags:)`` gives it) for a
    /// route of `kind`; `extra` names members the caller reads itself (`index`).
    init(_ kind: Kind, _ object: JSONObject, extra: [String] = []) throws(APIError) {
        let prefix = kind.codePrefix
        var reader = ParameterReader(object) { prefix + $0.snakeCased }
        for name in extra { _ = reader.value(name) }
        switch kind {
        case .trending:
            list = .trending(try Self.choice("formula", TrendingFormula.self, default: .decay, &reader))
        case .prompts:
            let order = try Self.choice("by", PromptLeaderboard.self, default: .rating, &reader)
            list = .prompts(order, try Self.choice("period", LeaderboardPeriod.self, default: Self.defaultPeriod, &reader))
        case .authors:
            let order = try Self.choice("by", AuthorLeaderboard.self, default: .reputation, &reader)
            list = .authors(order, try Self.choice("period", LeaderboardPeriod.self, default: Self.defaultPeriod, &reader))
        }
        if let limit = try reader.count("limit", maximum: Self.maximumLimit) { self.limit = limit }
        if let offset = try reader.count("offset", maximum: TrendingReader.maximumWindow) { self.offset = offset }
        guard offset + limit <= TrendingReader.maximumWindow else {
            throw reader.fault("offset", "offset + limit is \(offset + limit); at most \(TrendingReader.maximumWindow) entries can be paged through.")
        }
        if kind != .authors {
            selection.category = try Self.name("category", &reader)
            selection.tag = try Self.name("tag", &reader)
            selection.model = try Self.name("model", &reader)
            selection.filter = try Self.filter(&reader, code: prefix + "filter")
            if let fields = try reader.strings("fields") { self.fields = fields }
        }
        try reader.rejectUnknown(accepted: kind.parameters + extra)
    }

    /// The query with `forced` (a tenant token's filter) ANDed into its selection's filter.
    func narrowed(by forced: FilterExpression?) -> TrendingQuery {
        var copy = self
        copy.selection.filter = .narrowing(selection.filter, by: forced)
        return copy
    }

    /// A parameter that names one case of `Choice` (absent: `fallback`).
    private static func choice<Choice: RawRepresentable & CaseIterable>(
        _ name: String, _: Choice.Type, default fallback: Choice, _ reader: inout ParameterReader
    ) throws(APIError) -> Choice where Choice.RawValue == String {
        guard let text = try reader.string(name) else { return fallback }
        guard let value = Choice(rawValue: text) else {
            let accepted = Choice.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            throw reader.fault(name, "`\(text.prefix(100))` is not one of \(accepted).")
        }
        return value
    }

    /// A category, tag or model name: a non-empty string of at most 512 bytes.
    private static func name(_ name: String, _ reader: inout ParameterReader) throws(APIError) -> String? {
        guard let text = try reader.string(name) else { return nil }
        guard !text.isEmpty else { throw reader.fault(name, "the value is empty; leave the parameter out to select every prompt.") }
        guard text.utf8.count <= 512 else { throw reader.fault(name, "the value is \(text.utf8.count) bytes long; at most 512 are accepted.") }
        return text
    }

    /// The filter, with a syntax fault under the route's own code (`invalid_trending_filter`).
    private static func filter(_ reader: inout ParameterReader, code: String) throws(APIError) -> FilterExpression? {
        let value = reader.value("filter")
        do {
            return try SearchRequest.filter(value, reader: reader)
        } catch {
            var error = error
            error.code = code
            throw error
        }
    }
}
