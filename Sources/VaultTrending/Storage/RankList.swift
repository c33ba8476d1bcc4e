import Foundation

/// The sorted lists in `trending.ranks`, one key prefix byte each, holding listed prompts (and
/// authors with listed prompts) only. Keys sort best first; ties by id ascending.
/// ```
/// decay      1 | ~log2-score (double) | prompt          -> empty
/// seedZero   2 | prompt                                -> empty       (seed numerator 0: score 0)
/// seed       3 | created hour | ~numerator | prompt    -> created     (numerator > 0, grouped by creation hour)
/// bayes      4 | ⌊log2 v⌋ (1) | ~mean rating | prompt  -> v, Σ stars (rated prompts, grouped by count)
/// views      5 | ~view events | prompt                 -> empty
/// copies     6 | ~copy events | prompt                 -> empty
/// reputation 7 | ~reputation | author                  -> empty       (authors with a listed prompt)
/// engagement 8 | ~engagement | author                  -> empty
/// seedMax    9 | ~numerator | prompt                   -> empty       (the largest numerator bounds unopened hours)
/// ```
enum RankList: UInt8 {
    case decay = 1, seedZero, seed, bayes, views, copies, reputation, engagement, seedMax

    /// The keys (and values) a prompt's state puts in the lists.
    static func promptEntries(_ id: Int64, _ s: PromptState) -> [[UInt8]: [UInt8]] {
        guard s.listed else { return [:] }
        var out: [[UInt8]: [UInt8]] = [:]
        if s.decayTerms > 0 {
            var key: [UInt8] = [decay.rawValue]
            Bytes.appendDescending(s.decayLog, to: &key)
            Bytes.append(id, to: &key)
            out[key] = []
        }
        if s.seedNumerator == 0 {
            var key: [UInt8] = [seedZero.rawValue]
            Bytes.append(id, to: &key)
            out[key] = []
        } else {
            var key: [UInt8] = [seed.rawValue]
            Bytes.append(Bytes.floorDivide(s.createdAt, 3_600), to: &key)
            Bytes.appendDescending(s.seedNumerator, to: &key)
            Bytes.append(id, to: &key)
            var value: [UInt8] = []
            Bytes.append(s.createdAt, to: &value)
            out[key] = value
            var max: [UInt8] = [seedMax.rawValue]
            Bytes.appendDescending(s.seedNumerator, to: &max)
            Bytes.append(id, to: &max)
            out[max] = []
        }
        if let mean = s.ratingAverage {
            var key: [UInt8] = [bayes.rawValue, countBucket(s.ratingCount)]
            Bytes.appendDescending(mean, to: &key)
            Bytes.append(id, to: &key)
            var value: [UInt8] = []
            Bytes.append(s.ratingCount, to: &value)
            Bytes.append(s.ratingSum, to: &value)
            out[key] = value
        }
        for (list, count) in [(views, s.viewEvents), (copies, s.copyEvents)] where count > 0 {
            out[countKey(list, count, id)] = []
        }
        return out
    }

    /// The keys an author's state puts in the lists.
    static func authorEntries(_ id: Int64, _ a: AuthorState) -> [[UInt8]: [UInt8]] {
        guard a.listedPrompts > 0 else { return [:] }
        var out: [[UInt8]: [UInt8]] = [:]
        if a.known { out[countKey(reputation, a.reputation, id)] = [] }
        if a.engagement > 0 { out[countKey(engagement, a.engagement, id)] = [] }
        return out
    }

    static func countKey(_ list: RankList, _ count: Int64, _ id: Int64) -> [UInt8] {
        var key: [UInt8] = [list.rawValue]
        Bytes.appendDescending(count, to: &key)
        Bytes.append(id, to: &key)
        return key
    }

    /// ⌊log2 v⌋ for v ≥ 1: the rating-count group of the bayes list (v in [2^b, 2^(b+1) − 1]).
    static func countBucket(_ v: Int64) -> UInt8 { UInt8(63 - max(1, v).leadingZeroBitCount) }
}
