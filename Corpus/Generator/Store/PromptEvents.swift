/// The engagement events of one prompt, as ``EngagementGenerator`` describes them: a lazy
/// sequence that generates the same events, in the same order (views, copies, bookmarks,
/// ratings), each time it is iterated.
public struct PromptEvents: Sequence, Sendable {
    let target: EngagementTarget
    let seed: UInt64
    let now: Int64
    let userCount: Int

    /// The number of events, without generating them.
    public var count: Int { Plan(self).total }

    /// An iterator that generates the events one by one.
    public func makeIterator() -> Iterator { Iterator(Plan(self), target: target, now: now) }

    /// How many events of each kind, and the random stream to draw them from.
    struct Plan {
        var random: SeededRandom
        var views = 0, copies = 0, bookmarks = 0, ratings = 0
        /// The chance that an event of the prompt falls in its burst.
        var burstShare = 0.0
        /// The chance that a rating comes from the generous crowd (mean 4.45) rather than the
        /// mixed one (mean 3.0).
        var goodShare = 0.0
        var restricted = false
        var users: Int

        var total: Int { views + copies + bookmarks + ratings }

        init(_ events: PromptEvents) {
            let target = events.target
            users = events.userCount
            random = SeededRandom(seed: events.seed ^ 0x9A3E_71C5_0B6D_F2A4, index: UInt64(bitPattern: target.promptID))
            restricted = target.visibility == "private" || target.status == "draft"
            if restricted {
                views = random.below(6)
                return
            }
            var factor = 0.4 + 1.2 * random.unit()
            if target.visibility == "unlisted" || target.status == "archived" { factor *= 0.3 }
            let steady = Swift.max(0, target.expectedEvents) * factor
            let burst = Swift.max(0, target.burstEvents) * factor
            let total = Self.round(steady + burst, &random)
            burstShare = steady + burst > 0 ? burst / (steady + burst) : 0
            let eligible = target.authorID >= 1 && target.authorID <= Int64(users) ? users - 1 : users
            ratings = Swift.min(eligible, Self.round(Double(total) * 0.04, &random))
            bookmarks = Swift.min(eligible, Self.round(Double(total) * 0.04, &random))
            copies = Self.round(Double(total) * 0.2, &random)
            views = Swift.max(0, total - ratings - bookmarks - copies)
            goodShare = 0.7 + 0.25 * random.unit()
        }

        /// `value` rounded down or up at random, so that the mean is `value`.
        static func round(_ value: Double, _ random: inout SeededRandom) -> Int {
            let whole = value.rounded(.down)
            return Int(whole) + (random.unit() < value - whole ? 1 : 0)
        }
    }

    /// Generates the events of a ``PromptEvents`` in order.
    public struct Iterator: IteratorProtocol, Sendable {
        private var plan: Plan
        private let target: EngagementTarget
        private let now: Int64
        private let windowStart: Int64
        private let burstStart: Int64
        private var emitted = 0
        private var bookmarkUsers: DistinctUsers
        private var ratingUsers: DistinctUsers

        init(_ plan: Plan, target: EngagementTarget, now: Int64) {
            var plan = plan
            self.target = target
            self.now = now
            windowStart = Swift.min(now, Swift.max(target.createdAt, now - EngagementGenerator.window))
            burstStart = Swift.min(now, Swift.max(target.createdAt, now - EngagementGenerator.burstWindow))
            bookmarkUsers = DistinctUsers(count: plan.users, excluding: target.authorID, random: &plan.random)
            ratingUsers = DistinctUsers(count: plan.users, excluding: target.authorID, random: &plan.random)
            self.plan = plan
        }

        /// The next event, or `nil` after the last.
        public mutating func next() -> StoreEvent? {
            defer { emitted += 1 }
            var index = emitted
            if index < plan.views {
                let user = plan.restricted ? target.authorID : casualUser()
                let fingerprint = user == nil ? Self.fingerprint(prompt: target.promptID, view: index, users: plan.users) : nil
                return StoreEvent(kind: .view, promptID: target.promptID, userID: user, at: time(), fingerprint: fingerprint)
            }
            index -= plan.views
            if index < plan.copies {
                return StoreEvent(kind: .copy, promptID: target.promptID, userID: casualUser(), at: time())
            }
            index -= plan.copies
            if index < plan.bookmarks {
                return StoreEvent(kind: .bookmark, promptID: target.promptID, userID: bookmarkUsers.next(), at: time())
            }
            index -= plan.bookmarks
            if index < plan.ratings {
                return StoreEvent(kind: .rating(stars()), promptID: target.promptID, userID: ratingUsers.next(), at: time())
            }
            emitted -= 1
            return nil
        }

        /// An anonymous view's fingerprint: one of 4 × users visitors, drawn from a hash of the
        /// prompt and the view's number (not from the event stream, so the events stay as they were),
        /// so some anonymous visitors come back.
        static func fingerprint(prompt: Int64, view: Int, users: Int) -> String {
            var hash = UInt64(bitPattern: prompt) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(view) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            return "fp-" + String(hash % UInt64(Swift.max(1, 4 * users)), radix: 16)
        }

        /// An anonymous visitor half the time, else any user.
        private mutating func casualUser() -> Int64? {
            plan.random.chance(50) ? nil : Int64(1 + plan.random.below(plan.users))
        }

        private mutating func time() -> Int64 {
            let start = plan.random.unit() < plan.burstShare ? burstStart : windowStart
            return start + Int64(plan.random.below(Int(now - start) + 1))
        }

        /// Generous crowd: 5★ 55 %, 4★ 35 %, 3★ 10 %. Mixed crowd: 5★ 15 %, 4★ 25 %, 3★ 25 %, 2★ 15 %, 1★ 20 %.
        private mutating func stars() -> Int {
            let draw = plan.random.below(100)
            if plan.random.unit() < plan.goodShare {
                return draw < 55 ? 5 : draw < 90 ? 4 : 3
            }
            return draw < 15 ? 5 : draw < 40 ? 4 : draw < 65 ? 3 : draw < 80 ? 2 : 1
        }
    }
}

/// Distinct user ids from `1...count`, never `excluded`, in a random order, in O(1) memory:
/// the k-th is (b + k·a) mod count + 1 with a coprime to count, which visits every id once.
struct DistinctUsers: Sendable {
    private let count: Int
    private let excluded: Int64
    private let step: Int
    private var current: Int

    init(count: Int, excluding excluded: Int64, random: inout SeededRandom) {
        self.count = count
        self.excluded = excluded
        var step = 1 + random.below(max(1, count - 1))
        while Self.gcd(step, count) != 1 { step += 1 }
        self.step = step
        current = random.below(count)
    }

    /// The next user; callers take at most `count` (or `count` − 1 when one is excluded).
    mutating func next() -> Int64 {
        while true {
            let user = Int64(current + 1)
            current = (current + step) % count
            if user != excluded { return user }
        }
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
