import Foundation
import Hummingbird

/// Reads typed parameters out of a request's JSON object, one named check per parameter, and
/// refuses members it was not asked about: the errors name the parameter and what was found, as
/// Meilisearch's do (`Invalid value type at .limit: expected a positive integer, but found a string: "x"`).
struct ParameterReader {
    private let object: JSONObject
    /// The error code of a parameter's fault: `invalid_search_` + snake_case name, by default.
    private let code: (String) -> String
    private var read: Set<String> = []

    init(_ object: JSONObject, code: @escaping (String) -> String) {
        self.object = object
        self.code = code
    }

    /// The body as an object, or a `bad_request` naming what it was instead.
    static func object(_ value: JSONValue) throws(APIError) -> JSONObject {
        guard case .object(let object) = value else {
            throw .badRequest("Invalid value type: expected an object, but found \(value.kindDescription): `\(value.compactText.prefix(200))`")
        }
        return object
    }

    /// The raw value of a parameter (null counts as absent).
    mutating func value(_ name: String) -> JSONValue? {
        read.insert(name)
        guard let value = object[name], value != .null else { return nil }
        return value
    }

    func fault(_ name: String, expected: String, found value: JSONValue) -> APIError {
        APIError(.badRequest, code: code(name),
                 message: "Invalid value type at `.\(name)`: expected \(expected), but found \(value.kindDescription): `\(value.compactText.prefix(200))`")
    }

    func fault(_ name: String, _ message: String) -> APIError {
        APIError(.badRequest, code: code(name), message: "Invalid value at `.\(name)`: \(message)")
    }

    mutating func string(_ name: String) throws(APIError) -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let text) = value else { throw fault(name, expected: "a string", found: value) }
        return text
    }

    mutating func bool(_ name: String) throws(APIError) -> Bool? {
        guard let value = value(name) else { return nil }
        guard case .bool(let flag) = value else { throw fault(name, expected: "a boolean", found: value) }
        return flag
    }

    /// A non-negative integer up to `maximum` (larger values are refused with the bound named).
    mutating func count(_ name: String, maximum: Int, minimum: Int = 0) throws(APIError) -> Int? {
        guard let value = value(name) else { return nil }
        let number: Int64
        switch value {
        case .integer(let integer): number = integer
        case .number(let real) where real == real.rounded() && abs(real) < 9e15: number = Int64(real)
        default: throw fault(name, expected: minimum > 0 ? "a positive integer" : "a non-negative integer", found: value)
        }
        guard number >= minimum else { throw fault(name, "`\(number)` is below the minimum of \(minimum).") }
        guard number <= maximum else { throw fault(name, "`\(number)` is above the maximum of \(maximum).") }
        return Int(number)
    }

    /// The most elements a list parameter (`attributesToRetrieve`, `facets`, `sort`, `fields`, ...) may have.
    static let maximumListLength = 1_000

    /// A list of strings (at most `maximum`); a single string is taken as a comma-separated list
    /// (the GET form).
    mutating func strings(_ name: String, maximum: Int = maximumListLength) throws(APIError) -> [String]? {
        guard let value = value(name) else { return nil }
        let strings: [String]
        switch value {
        case .string(let text):
            strings = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .array(let elements):
            var list: [String] = []
            for element in elements {
                guard case .string(let text) = element else { throw fault(name, expected: "an array of strings", found: value) }
                list.append(text)
            }
            strings = list
        default: throw fault(name, expected: "an array of strings", found: value)
        }
        guard strings.count <= maximum else { throw fault(name, "\(strings.count) elements; at most \(maximum) are accepted.") }
        return strings
    }

    /// Refuses every member that no read asked about (`bad_request`, naming the accepted ones).
    func rejectUnknown(accepted: [String]) throws(APIError) {
        for key in object.keys where !read.contains(key) {
            throw .badRequest("Unknown field `\(key.prefix(100))`: expected one of \(accepted.map { "`\($0)`" }.joined(separator: ", "))")
        }
    }
}

extension String {
    /// `hitsPerPage` → `hits_per_page`.
    var snakeCased: String {
        var result = ""
        for character in self {
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
        return result
    }

}
