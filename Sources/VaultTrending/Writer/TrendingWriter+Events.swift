import VaultStorage

/// Event rows: the stored record is diffed with the current row (a changed row is taken out, then
/// put back), counts and the author's engagement move by the event's weight, and the decay score by
/// the event's term. Views count in `decay` once per (visitor, dedup window): only the earliest view
/// of each group in `trending.contrib` is a term, so a reload, or the deletion of a later duplicate,
/// changes nothing, and deleting the counted view promotes the next one.
extension TrendingWriter {
    func applyEvent(_ kind: EngagementKind, _ id: Int64, _ event: EngagementEvent?) throws {
        let key = TrendingDatabases.eventKey(kind, id)
        let stored = try txn.get(db.events, key: key).map { raw in
            guard let record = EventRecord.decode(raw) else { throw TrendingError.corrupt("trending.events: \(kind) \(id)") }
            return record
        }
        let current = event.map { EventRecord($0, settings: settings) }
        guard stored != current else { return }
        if let stored { try remove(kind, id, stored) }
        if let current { try add(kind, id, current) }
    }

    private func add(_ kind: EngagementKind, _ id: Int64, _ record: EventRecord) throws {
        try txn.put(db.events, key: TrendingDatabases.eventKey(kind, id), value: record.encoded())
        var value: [UInt8] = []
        Bytes.append(record.prompt, to: &value)
        value.append(record.value)
        try txn.put(db.timeline, key: TrendingDatabases.timelineKey(time: record.time, kind: kind, id: id), value: value)
        let prefix = TrendingDatabases.groupPrefix(prompt: record.prompt, kind: kind, visitor: record.visitor, window: record.window)
        let first = try firstOfGroup(prefix)
        let key = TrendingDatabases.contribKey(prompt: record.prompt, kind: kind, record: record, id: id)
        try txn.put(db.contrib, key: key, value: [])
        let weight = EngagementWeights.weight(kind)
        try updatePrompt(record.prompt) { s in
            self.count(kind, record, into: &s, sign: 1)
            guard first.map({ key.lexicographicallyPrecedes($0.key) }) ?? true else { return }
            if let first {
                // The new view is earlier than the group's counted one: it takes its place. A
                // recomputed sum already reads the new view (its key is in contrib).
                if try self.removeTerm(weight: weight, time: first.time, prompt: record.prompt, from: &s) { return }
            }
            s.decayLog = DecayMath.add(s.decayLog, DecayMath.term(weight: weight, time: record.time, settings: self.settings))
            s.decayTerms += 1
        }
    }

    private func remove(_ kind: EngagementKind, _ id: Int64, _ record: EventRecord) throws {
        try txn.delete(db.events, key: TrendingDatabases.eventKey(kind, id))
        try txn.delete(db.timeline, key: TrendingDatabases.timelineKey(time: record.time, kind: kind, id: id))
        let prefix = TrendingDatabases.groupPrefix(prompt: record.prompt, kind: kind, visitor: record.visitor, window: record.window)
        let key = TrendingDatabases.contribKey(prompt: record.prompt, kind: kind, record: record, id: id)
        let wasCounted = try firstOfGroup(prefix)?.key == key
        try txn.delete(db.contrib, key: key)
        let successor = wasCounted ? try firstOfGroup(prefix) : nil
        let weight = EngagementWeights.weight(kind)
        try updatePrompt(record.prompt) { s in
            self.count(kind, record, into: &s, sign: -1)
            guard wasCounted else { return }
            let recomputed = try self.removeTerm(weight: weight, time: record.time, prompt: record.prompt, from: &s)
            if let successor, !recomputed {
                s.decayLog = DecayMath.add(s.decayLog, DecayMath.term(weight: weight, time: successor.time, settings: self.settings))
                s.decayTerms += 1
            }
        }
    }

    /// Raw counts (all-time lists, the bayes mean, author engagement) move with every row.
    private func count(_ kind: EngagementKind, _ record: EventRecord, into s: inout PromptState, sign: Int64) {
        switch kind {
        case .view: s.viewEvents += sign
        case .copy: s.copyEvents += sign
        case .rating:
            s.ratingCount += sign
            s.ratingSum += sign * Int64(record.value)
        case .bookmark: break
        }
        s.engagement += sign * EngagementWeights.weight(kind)
    }

    /// Takes one term out of the decay sum; when cancellation would lose precision, recomputes the
    /// sum from the prompt's current contributions instead (and returns true: the sum is then final).
    @discardableResult
    private func removeTerm(weight: Int64, time: Int64, prompt: Int64, from s: inout PromptState) throws -> Bool {
        s.decayTerms -= 1
        if s.decayTerms <= 0 {
            s.decayTerms = 0
            s.decayLog = -.infinity
            return false
        }
        if let reduced = DecayMath.subtract(s.decayLog, DecayMath.term(weight: weight, time: time, settings: settings)) {
            s.decayLog = reduced
            return false
        }
        (s.decayLog, s.decayTerms) = try recomputeDecay(prompt)
        return true
    }

    /// The decay sum of `prompt` from `trending.contrib`: the first entry of each group is a term.
    func recomputeDecay(_ prompt: Int64) throws -> (Double, Int64) {
        let cursor = try txn.cursor(db.contrib)
        let start = TrendingDatabases.idKey(prompt)
        var entry = try cursor.seek(atLeast: start)
        var log = -Double.infinity
        var terms: Int64 = 0
        var lastGroup: [UInt8] = []
        while let (key, _) = entry, key.count == 41, key.starts(with: start) {
            let group = Array(key[0..<25])
            if group != lastGroup, let kind = EngagementKind(rawValue: key[8]) {
                lastGroup = group
                log = DecayMath.add(log, DecayMath.term(weight: EngagementWeights.weight(kind), time: Bytes.int64(key, at: 25), settings: settings))
                terms += 1
            }
            entry = try cursor.next()
        }
        return (log, terms)
    }

    /// The first (counted) contribution of a group: its key and time.
    private func firstOfGroup(_ prefix: [UInt8]) throws -> (key: [UInt8], time: Int64)? {
        let cursor = try txn.cursor(db.contrib)
        guard let (key, _) = try cursor.seek(atLeast: prefix), key.count == 41, key.starts(with: prefix) else { return nil }
        return (Array(key), Bytes.int64(key, at: 25))
    }
}

extension UnsafeRawBufferPointer {
    fileprivate func starts(with prefix: [UInt8]) -> Bool {
        count >= prefix.count && prefix.indices.allSatisfy { self[$0] == prefix[$0] }
    }
}
