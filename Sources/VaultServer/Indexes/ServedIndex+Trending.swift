import VaultIndex
import VaultIngest
import VaultTrending

extension ServedIndex {
    /// The trending state of `index` when `configuration` watches engagement tables, else nil with
    /// the reason. An index built before trending existed has none: its reason says to rebuild
    /// (its tailer refuses it too), and its searches go on without trending.
    static func openTrending(_ index: Index, configuration: SourceConfiguration, mapping: String) -> (TrendingStore?, String?) {
        guard configuration.hasEngagement else {
            return (nil, "its mapping (\(mapping)) has no engagement tables (views, copies, ratings, bookmarks), so it has no trending or leaderboards")
        }
        do {
            return (try TrendingStore.open(index), nil)
        } catch .notEnabled {
            return (nil, "the index was built without trending state (rebuild it with `vaultsearch index --rebuild`)")
        } catch {
            return (nil, "its trending state cannot be opened (\(error.description))")
        }
    }
}

extension SourceConfiguration {
    /// Whether the mapping watches engagement tables (`watch[].engagement`), which feed trending.
    var hasEngagement: Bool { watch.contains { $0.engagement != nil } }
}
