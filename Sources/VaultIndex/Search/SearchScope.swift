/// Which documents a request may see. Every search, facet count, facet search, total, did-you-mean,
/// similar list and document fetch takes one, with no default, so no caller can forget it.
///
/// With ``IndexSettings/visibility`` set, ``publicOnly`` sees documents whose visibility is public
/// and status published; ``owner(_:)`` sees those plus every document of that owner (private,
/// unlisted, drafts). Without visibility settings (a BEIR corpus) every document is public.
public enum SearchScope: Sendable, Hashable {
    /// Public, published documents.
    case publicOnly
    /// Public, published documents, and every document whose owner field equals this value.
    case owner(String)
    /// Every document, whatever its visibility: for the operator's own tools (`inspect`, the ingestion
    /// path, tests). The server never builds it from a request.
    case unrestricted
}

extension IndexSnapshot {
    /// The documents `scope` may see, or nil when it may see every live document.
    func scopeSet(_ scope: SearchScope) throws(IndexError) -> DocSet? {
        guard let visibility = settings.visibility else { return nil }
        switch scope {
        case .unrestricted: return nil
        case .publicOnly: return try publicSet(visibility)
        case .owner(let owner):
            var set = try publicSet(visibility)
            set.formUnion(try docSet(field: visibility.ownerField, kind: .value, value: FilterValue.normalize(owner)))
            return set
        }
    }

    private func publicSet(_ visibility: VisibilitySettings) throws(IndexError) -> DocSet {
        var visible = DocSet(capacity: docCapacity)
        for value in visibility.publicValues {
            visible.formUnion(try docSet(field: visibility.visibilityField, kind: .value, value: FilterValue.normalize(value)))
        }
        if let status = visibility.statusField {
            var published = DocSet(capacity: docCapacity)
            for value in visibility.publishedValues {
                published.formUnion(try docSet(field: status, kind: .value, value: FilterValue.normalize(value)))
            }
            visible.formIntersection(published)
        }
        return visible
    }

    /// Whether `doc` is visible in `scope`, reading one container per visibility value rather than
    /// building the scope's whole set (a document fetch or a similar list asks this once).
    func isVisible(_ doc: UInt32, in scope: SearchScope) throws(IndexError) -> Bool {
        guard let visibility = settings.visibility, scope != .unrestricted else { return true }
        if case .owner(let owner) = scope,
            try facetContains(field: visibility.ownerField, kind: .value, value: FilterValue.normalize(owner), doc: doc) {
            return true
        }
        var isPublic = false
        for value in visibility.publicValues where !isPublic {
            isPublic = try facetContains(field: visibility.visibilityField, kind: .value, value: FilterValue.normalize(value), doc: doc)
        }
        guard isPublic else { return false }
        guard let status = visibility.statusField else { return true }
        for value in visibility.publishedValues {
            if try facetContains(field: status, kind: .value, value: FilterValue.normalize(value), doc: doc) { return true }
        }
        return false
    }
}
