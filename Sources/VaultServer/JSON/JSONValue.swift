import Foundation

/// A JSON value as a request carries it: the server decodes bodies into this tree first, then
/// reads each parameter with its own type check, so a wrong type is reported by parameter name
/// (as Meilisearch does) rather than as a generic decoding failure.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// An integer written without a fraction or exponent that fits in 64 bits.
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in the order they were written (duplicates keep the last value).
    case object(JSONObject)

    /// The kind, as error messages name it ("a string", "an array", ...).
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value as compact JSON, for quoting it in an error message.
    public var compactText: String {
        var writer = JSONWriter()
        writer.write(self)
        return writer.text
    }
}

/// The members of a JSON object, in their written order.
public struct JSONObject: Sendable, Equatable {
    /// The members (key, value), in order; a key appears at most once.
    public private(set) var members: [(key: String, value: JSONValue)]

    /// An object with these members (later duplicates replace earlier ones).
    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = []
        for member in members { self[member.key] = member.value }
    }

    /// The value of `key`, or nil.
    public subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            if let position = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[position].value = newValue } else { members.remove(at: position) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    /// The keys, in order.
    public var keys: [String] { members.map(\.key) }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension JSONValue {
    /// Parses a request body. Throws ``JSONParseError`` for anything that is not one well-formed
    /// JSON value in UTF-8 (invalid UTF-8 included).
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(Array(bytes))
        return try parser.parseDocument()
    }
}
