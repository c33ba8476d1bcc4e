import VaultAnalysis

/// A document's searchable fields turned into terms: per term, the fields it occurs in with their
/// positions, and each field's length in tokens.
struct AnalyzedDocument {
    /// Positions are offset by this gap between the elements of a list field (tags), so a phrase
    /// never matches across two elements.
    static let elementGap: UInt32 = 100
    /// Longer terms (base64 blobs, hashes, runaway tokens) are not indexed: LMDB keys are at most
    /// 511 bytes, and such strings are not search terms. Queries drop them the same way.
    static let maximumTermBytes = 255

    var fieldLengths: [UInt32]
    /// term -> (field, positions) in ascending field order.
    var terms: [String: [(field: Int, positions: [UInt32])]] = [:]

    init(document: Document, settings: IndexSettings, analyzer: Analyzer) {
        fieldLengths = Array(repeating: 0, count: settings.searchableFields.count)
        for (field, fieldSettings) in settings.searchableFields.enumerated() {
            guard let value = document.fields[fieldSettings.name] else { continue }
            var base: UInt32 = 0
            var length: UInt32 = 0
            for text in value.searchableTexts {
                var last: UInt32 = 0
                for token in analyzer.analyze(text) where token.term.utf8.count <= Self.maximumTermBytes {
                    let position = base + token.position
                    last = position
                    length += 1
                    terms[token.term, default: []].append(field: field, position: position)
                }
                base = last + Self.elementGap
            }
            fieldLengths[field] = length
        }
    }
}

extension Array where Element == (field: Int, positions: [UInt32]) {
    /// Adds a position, opening a new field entry when the field changes (fields arrive in order).
    fileprivate mutating func append(field: Int, position: UInt32) {
        if let lastIndex = indices.last, self[lastIndex].field == field {
            self[lastIndex].positions.append(position)
        } else {
            append((field, [position]))
        }
    }
}
