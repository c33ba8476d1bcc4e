import VaultStorage

/// Day, week and month lists: the events after `since` are read from the timeline (time order) and
/// counted per prompt, so a window is exact to the event at any instant, with no state that ages.
/// O(events in the window).
extension TrendingReader {
    struct WindowCounts {
        var views: Int64 = 0
        var copies: Int64 = 0
        var ratings: Int64 = 0
        var stars: Int64 = 0
        var engagement: Int64 = 0
    }

    /// Per prompt, the events with a time after `since`.
    func windowCounts(since: Int64) throws -> [Int64: WindowCounts] {
        let cursor = try txn.cursor(db.timeline)
        var start: [UInt8] = []
        Bytes.append(since + 1, to: &start)
        var entry = try cursor.seek(atLeast: start)
        var counts: [Int64: WindowCounts] = [:]
        while let (key, value) = entry {
            guard key.count == 17, value.count == 9, let kind = EngagementKind(rawValue: key[8]) else {
                throw TrendingError.corrupt("trending.timeline: an entry of \(key.count) + \(value.count) bytes")
            }
            let prompt = Bytes.int64(value, at: 0)
            counts[prompt, default: WindowCounts()].add(kind, stars: Int64(value[8]))
            entry = try cursor.next()
        }
        return counts
    }

    func windowedPrompts(_ order: PromptLeaderboard, since: Int64, gate: PromptGate, into top: inout TopEntries) throws {
        var listed: [(Int64, WindowCounts)] = []
        for (id, counts) in try windowCounts(since: since) {
            guard let s = try store.prompt(id, in: txn), s.listed else { continue }
            listed.append((id, counts))
        }
        // C of the window: the mean of the window's mean ratings over listed prompts rated in it.
        let rated = listed.filter { $0.1.ratings > 0 }
        let mean = rated.isEmpty ? 0 : rated.reduce(0.0) { $0 + Double($1.1.stars) / Double($1.1.ratings) } / Double(rated.count)
        for (id, counts) in listed {
            let score: Double
            switch order {
            case .rating:
                guard counts.ratings > 0 else { continue }
                score = bayes(count: counts.ratings, sum: counts.stars, mean: mean)
            case .copies:
                guard counts.copies > 0 else { continue }
                score = Double(counts.copies)
            case .views:
                guard counts.views > 0 else { continue }
                score = Double(counts.views)
            }
            if try gate.allows(id) { top.offer(RankedEntry(id: id, score: score)) }
        }
    }

    func windowedAuthors(since: Int64, into top: inout TopEntries) throws {
        var byAuthor: [Int64: Int64] = [:]
        for (id, counts) in try windowCounts(since: since) {
            guard let s = try store.prompt(id, in: txn), s.listed else { continue }
            byAuthor[s.authorID, default: 0] += counts.engagement
        }
        for (author, engagement) in byAuthor where engagement > 0 {
            top.offer(RankedEntry(id: author, score: Double(engagement)))
        }
    }
}

extension TrendingReader.WindowCounts {
    mutating func add(_ kind: EngagementKind, stars value: Int64) {
        switch kind {
        case .view: views += 1
        case .copy: copies += 1
        case .rating:
            ratings += 1
            stars += value
        case .bookmark: break
        }
        engagement += EngagementWeights.weight(kind)
    }
}
