/// A filter as a search request carries it: one string, or Meilisearch's array form.
///
/// The array form `[["a = 1", "b = 2"], "c = 3"]` is an AND of its elements, an inner array an OR
/// of its strings: `(a = 1 OR b = 2) AND c = 3`. Empty (or all-blank) strings and empty inner arrays
/// add nothing; an input that adds nothing at all is "no filter" (``FilterParser/parse(_:)-(FilterInput)``
/// returns `nil`).
public enum FilterInput: Sendable, Equatable {
    /// One filter string.
    case expression(String)
    /// The array form: every element holds.
    case all([FilterInputElement])
}

/// One element of the array form of a filter (``FilterInput/all(_:)``).
public enum FilterInputElement: Sendable, Equatable {
    /// A filter string.
    case expression(String)
    /// An inner array: at least one of its filter strings holds.
    case any([String])
}
