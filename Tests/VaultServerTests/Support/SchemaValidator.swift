@testable import VaultServer

/// A validator for the subset of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that the OpenAPI
/// document uses: `$ref` to `#/...`, `type` (a name or a list), `enum`, `const`, `required`,
/// `properties`, `additionalProperties` (a boolean or a schema), `items`, `anyOf`, `oneOf`,
/// `allOf`, `minimum`, `maximum`, `maxItems`. Other keywords (`format`, `description`, ...) are
/// ignored. A keyword it does not know that would constrain values is a failure of the test, not
/// of the response: ``unsupported`` lists them so the OpenAPI test can refuse the document.
struct SchemaValidator {
    /// The whole document (for `$ref`).
    let root: JSONValue

    /// Keywords that constrain values and are checked here.
    static let supported: Set<String> = [
        "$ref", "type", "enum", "const", "required", "properties", "additionalProperties", "items", "anyOf", "oneOf", "allOf",
        "minimum", "maximum", "maxItems",
    ]
    /// Keywords that only annotate.
    static let annotations: Set<String> = ["description", "format", "title", "example", "examples", "default", "deprecated"]

    /// Every violation of `schema` by `value`, each as "path: what" (empty when it conforms).
    func errors(_ value: JSONValue, _ schema: JSONValue, path: String = "$") -> [String] {
        guard case .object(let schema) = schema else {
            if schema == .bool(false) { return ["\(path): no value is allowed here"] }
            return []
        }
        var errors: [String] = []
        if case .string(let reference)? = schema["$ref"] {
            guard let target = resolve(reference) else { return ["\(path): unresolvable $ref \(reference)"] }
            errors += self.errors(value, target, path: path)
        }
        if let type = schema["type"] {
            let names: [String]
            switch type {
            case .string(let name): names = [name]
            case .array(let list): names = list.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: names = []
            }
            if !names.contains(where: { Self.matches(value, type: $0) }) {
                return errors + ["\(path): expected \(names.joined(separator: " or ")), found \(value.kindDescription) \(value.compactText.prefix(80))"]
            }
        }
        if case .array(let allowed)? = schema["enum"], !allowed.contains(where: { Self.equal($0, value) }) {
            errors.append("\(path): \(value.compactText.prefix(80)) is not one of \(JSONValue.array(allowed).compactText)")
        }
        if let constant = schema["const"], !Self.equal(constant, value) { errors.append("\(path): expected \(constant.compactText)") }
        if let minimum = Self.number(schema["minimum"]), let number = Self.number(value), number < minimum {
            errors.append("\(path): \(number) is below the minimum \(minimum)")
        }
        if let maximum = Self.number(schema["maximum"]), let number = Self.number(value), number > maximum {
            errors.append("\(path): \(number) is above the maximum \(maximum)")
        }
        if case .object(let object) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let name) in required where object[name] == nil { errors.append("\(path): missing required member `\(name)`") }
            }
            let properties: JSONObject
            if case .object(let declared)? = schema["properties"] { properties = declared } else { properties = JSONObject() }
            for (name, member) in object.members {
                if let property = properties[name] {
                    errors += self.errors(member, property, path: "\(path).\(name)")
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) {
                        errors.append("\(path): member `\(name)` is not in the schema (additionalProperties is false)")
                    } else {
                        errors += self.errors(member, additional, path: "\(path).\(name)")
                    }
                }
            }
        }
        if case .array(let elements) = value {
            if let items = schema["items"] {
                for (position, element) in elements.enumerated() { errors += self.errors(element, items, path: "\(path)[\(position)]") }
            }
            if let most = Self.number(schema["maxItems"]), Double(elements.count) > most { errors.append("\(path): more than \(Int(most)) items") }
        }
        if case .array(let schemas)? = schema["allOf"] {
            for member in schemas { errors += self.errors(value, member, path: path) }
        }
        if case .array(let schemas)? = schema["anyOf"] {
            let failures = schemas.map { self.errors(value, $0, path: path) }
            if !failures.contains(where: \.isEmpty) {
                errors.append("\(path): matches none of anyOf (\(failures.map { $0.first ?? "" }.joined(separator: "; ")))")
            }
        }
        if case .array(let schemas)? = schema["oneOf"] {
            let matching = schemas.filter { self.errors(value, $0, path: path).isEmpty }.count
            if matching != 1 { errors.append("\(path): matches \(matching) of oneOf, not exactly 1") }
        }
        return errors
    }

    /// The schema at a local reference (`#/components/schemas/Error`).
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: JSONValue? = root
        for part in reference.dropFirst(2).split(separator: "/") {
            let name = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard case .object(let object)? = current else { return nil }
            current = object[name]
        }
        return current
    }

    /// Keywords of any schema in `value` that this validator neither checks nor knows as
    /// annotations (walks `properties`, `items`, combinators and `components/schemas`).
    static func unsupported(in schema: JSONValue) -> Set<String> {
        guard case .object(let object) = schema else { return [] }
        var found: Set<String> = []
        for (key, member) in object.members {
            if !supported.contains(key), !annotations.contains(key) { found.insert(key) }
            switch key {
            case "properties":
                if case .object(let properties) = member { for (_, property) in properties.members { found.formUnion(unsupported(in: property)) } }
            case "items", "additionalProperties": found.formUnion(unsupported(in: member))
            case "anyOf", "oneOf", "allOf":
                if case .array(let list) = member { for schema in list { found.formUnion(unsupported(in: schema)) } }
            default: break
            }
        }
        return found
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): return true
        case ("integer", .integer): return true
        case ("integer", .number(let number)): return number == number.rounded()
        case ("number", .integer), ("number", .number): return true
        default: return false
        }
    }

    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .integer(let number)?: Double(number)
        case .number(let number)?: number
        default: nil
        }
    }

    /// JSON equality (1 and 1.0 are the same number).
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if let left = number(lhs), let right = number(rhs) { return left == right }
        return lhs == rhs
    }
}
