import VaultStorage

/// Keys and values of the column databases (see ``IndexDatabases``):
///
/// ```
/// fieldids     field name (UTF-8)                             -> field id: UInt16 BE
/// facetvalues  field id: UInt16 BE | kind: UInt8 | value UTF-8 -> set id: UInt32 BE | count: UInt32 BE | spelling UTF-8
///              kind 0 = the field is present (value empty), 1 = present and empty ("" or []), 2 = a value
///              (normalized: lowercased; the spelling is the first one indexed)
/// facetsets    set id: UInt32 BE | high 16 bits: UInt16 BE    -> DocSetContainer bytes
/// numbers      field id: UInt16 BE | block: UInt32 BE          -> NumericBlock bytes (doc numbers 256·block ..< 256·block + 256)
/// meta "columns"                                              -> next set id: UInt32 BE | next field id: UInt16 BE
/// ```
/// The pseudo-field "\u{1}documents" (a control character, so no document field can collide with it)
/// is every live document: its presence set is the universe that `NOT` and placeholder searches start from.
enum ColumnKeys {
    /// The pseudo-field whose presence set holds every live document.
    static let allDocumentsField = "\u{1}documents"

    /// The kinds of facet dictionary entries.
    enum Kind: UInt8 {
        case exists = 0
        case empty = 1
        case value = 2
    }

    static func facetValueKey(field: UInt16, kind: Kind, value: String) -> [UInt8] {
        var key: [UInt8] = [UInt8(field >> 8), UInt8(field & 0xFF), kind.rawValue]
        key.append(contentsOf: value.utf8)
        return key
    }

    /// The first key of a field's value entries (kind 2); every value key of the field starts with it.
    static func valuePrefix(field: UInt16) -> [UInt8] { [UInt8(field >> 8), UInt8(field & 0xFF), Kind.value.rawValue] }

    static func setKey(set: UInt32, high: UInt16) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(6)
        KeyCodec.append(set, to: &key)
        key.append(UInt8(high >> 8))
        key.append(UInt8(high & 0xFF))
        return key
    }

    static func numberKey(field: UInt16, block: UInt32) -> [UInt8] {
        var key: [UInt8] = [UInt8(field >> 8), UInt8(field & 0xFF)]
        KeyCodec.append(block, to: &key)
        return key
    }

    static let metaKey = Array("columns".utf8)

    /// A facet dictionary entry's value.
    struct Entry: Equatable {
        var set: UInt32
        var count: UInt32
        var spelling: String

        func encoded() -> [UInt8] {
            var out: [UInt8] = []
            KeyCodec.append(set, to: &out)
            KeyCodec.append(count, to: &out)
            out.append(contentsOf: spelling.utf8)
            return out
        }

        static func decode(_ bytes: UnsafeRawBufferPointer) -> Entry? {
            guard bytes.count >= 8 else { return nil }
            return Entry(
                set: KeyCodec.decodeUInt32(bytes, at: 0), count: KeyCodec.decodeUInt32(bytes, at: 4),
                spelling: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[8...]), as: UTF8.self))
        }
    }
}
