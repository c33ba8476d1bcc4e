import VaultIndex
import VaultTrending

/// One trending or leaderboard request run on a pool thread: the list read from one snapshot with
/// ``TrendingReader`` at `now`, each prompt entry joined with its stored document (public scope:
/// an entry whose document the public cannot see is dropped, never shown), each author entry with
/// its username, and the response written.
struct TrendingExecution: Sendable {
    let served: ServedIndex
    let store: TrendingStore
    /// The query, the grant's forced filter already in its selection.
    let query: TrendingQuery
    /// The instant the scores are computed at (Unix seconds).
    let now: Int64
    /// `invalid_trending_` or `invalid_leaderboard_`.
    let codePrefix: String

    /// The response body (call on a pool thread).
    func run() throws(APIError) -> [UInt8] {
        let started = ContinuousClock.now
        var object = JSONObject()
        do {
            let snapshot = try served.index.snapshot()
            defer { snapshot.close() }
            let reader = TrendingReader(snapshot: snapshot, store: store)
            let hits: [JSONValue]
            switch query.list {
            case .trending(let formula):
                let entries = try reader.trending(formula, selection: query.selection, limit: query.limit, offset: query.offset, now: now)
                hits = try promptHits(entries, snapshot)
                object["hits"] = .array(hits)
                object["formula"] = .string(formula.rawValue)
            case .prompts(let order, let period):
                let entries = try reader.leaderboardPrompts(
                    by: order, period: period, selection: query.selection, limit: query.limit, offset: query.offset, now: now)
                hits = try promptHits(entries, snapshot)
                object["hits"] = .array(hits)
                object["by"] = .string(order.rawValue)
                object["period"] = .string(period.rawValue)
            case .authors(let order, let period):
                let entries = try reader.leaderboardAuthors(by: order, period: period, limit: query.limit, offset: query.offset, now: now)
                object["hits"] = .array(authorHits(entries))
                object["by"] = .string(order.rawValue)
                object["period"] = .string(period.rawValue)
            }
        } catch let error as TrendingError {
            throw APIError(trending: error, uid: served.uid, codePrefix: codePrefix)
        } catch let error as IndexError {
            throw APIError(engine: error, codePrefix: codePrefix)
        } catch let error as APIError {
            throw error
        } catch {
            throw .internal("The trending lists cannot be read: \(error)")
        }
        object["limit"] = .integer(Int64(query.limit))
        object["offset"] = .integer(Int64(query.offset))
        object["now"] = .integer(now)
        let elapsed = ContinuousClock.now - started
        object["processingTimeMs"] = .integer(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        var writer = JSONWriter(reservingCapacity: 4_096)
        writer.write(.object(object))
        return writer.bytes
    }

    /// `{id, score, …the document's fields}` per entry whose document the public scope sees.
    private func promptHits(_ entries: [RankedEntry], _ snapshot: IndexSnapshot) throws(IndexError) -> [JSONValue] {
        var hits: [JSONValue] = []
        for entry in entries {
            guard let document = try snapshot.document(id: String(entry.id), scope: .publicOnly) else { continue }
            var hit = JSONObject([("id", .integer(entry.id)), ("score", .number(entry.score))])
            for (name, value) in HitRenderer.fields(of: document, retrieving: query.fields).members where name != "id" && name != "score" {
                hit[name] = value
            }
            hits.append(.object(hit))
        }
        return hits
    }

    /// `{id, score, author}` per entry (`author` when the store names the user).
    private func authorHits(_ entries: [RankedEntry]) -> [JSONValue] {
        let names = AuthorNames.lookup(entries.map(\.id), store: served.definition.store)
        return entries.map { entry in
            var hit = JSONObject([("id", .integer(entry.id)), ("score", .number(entry.score))])
            if let name = names[entry.id] { hit["author"] = .string(name) }
            return .object(hit)
        }
    }
}
