import VaultStorage

/// What a decoded record is checked against besides its own bytes: how many searchable fields
/// there are (the bits a field mask may set) and the doc numbers handed out so far (every stored
/// doc number is below ``docCapacity``). A value outside them is damage, reported as
/// ``IndexError/corrupt(_:)`` before it can index an array or size an allocation.
struct DecodeBounds: Sendable {
    /// Searchable fields of the index.
    var fieldCount: Int
    /// One past the largest doc number any record may hold (the statistics' `nextDocNumber`).
    var docCapacity: UInt32

    /// The field mask bits that may be set.
    var fieldMask: UInt32 { fieldCount >= 32 ? .max : (1 << UInt32(fieldCount)) - 1 }

    /// Bounds that only rule out what no index can hold (for tests and tools without a snapshot).
    static let lenient = DecodeBounds(fieldCount: IndexSettings.maximumSearchableFields, docCapacity: .max)

    /// Whether `mask` names at least one field and only existing ones.
    @inline(__always)
    func isValid(mask: UInt32) -> Bool { mask != 0 && mask & ~fieldMask == 0 }
}

extension IndexError {
    /// This error with the database and key of the entry it came from, when it reports damage
    /// (``corrupt(_:)``); any other error unchanged.
    func at(_ database: VaultStorage.Database, key: [UInt8]) -> IndexError {
        guard case .corrupt(let what) = self else { return self }
        return .damaged(database, key: key, what)
    }
}

extension Error {
    /// ``IndexError/at(_:key:)`` for an error of any type (inside closures whose errors are untyped).
    func at(_ database: VaultStorage.Database, key: [UInt8]) -> any Error {
        guard let error = self as? IndexError else { return self }
        return error.at(database, key: key)
    }
}
