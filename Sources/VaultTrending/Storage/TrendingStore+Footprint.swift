import VaultIndex

/// The size of the trending state, for `bench-trending` and `inspect`.
extension TrendingStore {
    /// One database's share: its entries and the bytes of their keys and values (LMDB adds about
    /// 8–16 bytes of node header per entry and page slack on top).
    public struct Footprint: Sendable {
        /// The database's name.
        public var name: String
        /// Entries.
        public var entries: Int
        /// Key and value bytes.
        public var bytes: Int
    }

    /// Every trending database's footprint as of `snapshot` (a full scan: O(state size)).
    public func footprint(in snapshot: IndexSnapshot) throws(TrendingError) -> [Footprint] {
        try TrendingError.wrap {
            try databases.all.map { database in
                let cursor = try snapshot.layerTransaction.cursor(database)
                var entries = 0, bytes = 0
                var entry = try cursor.first()
                while let (key, value) = entry {
                    entries += 1
                    bytes += key.count + value.count
                    entry = try cursor.next()
                }
                return Footprint(name: database.name, entries: entries, bytes: bytes)
            }
        }
    }
}
