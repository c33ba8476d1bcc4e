/// How much engagement a sample prompt attracts, as its author-curator judged it. Drives the
/// ``EngagementGenerator`` for the sample store (generated stores use a Zipf draw instead).
public enum Popularity: String, Sendable, CaseIterable, Codable {
    /// One of the few prompts that get most of the traffic (~40 events a day).
    case hot
    /// Regular, moderate traffic (~3 events a day).
    case steady
    /// Rarely visited (~0.4 events a day).
    case quiet
    /// Quiet for most of its life, then a burst of a few hundred events in the last 7 days.
    case burst

    /// Expected events per day of the prompt's life within the engagement window, before noise.
    var eventsPerDay: Double {
        switch self {
        case .hot: 40
        case .steady: 3
        case .quiet: 0.4
        case .burst: 0.3
        }
    }
}
