import Foundation
import VaultIndex

extension SourceConfiguration {
    /// The PromptVault mapping shipped with VaultIngest (`Mappings/promptvault.json`): the default.
    public static func promptVault() throws -> SourceConfiguration { try shipped("promptvault") }

    /// The folder-layout mapping shipped with VaultIngest (`Mappings/folder-layout.json`).
    public static func folderLayout() throws -> SourceConfiguration { try shipped("folder-layout") }

    /// The marketplace mapping shipped with VaultIngest (`Mappings/listings.json`): one document per
    /// row of `listings` (migration "v2-marketplace" of ``PromptVaultSchema``), public when its
    /// status is `active`, owned by the seller's username.
    public static func listings() throws -> SourceConfiguration { try shipped("listings") }

    /// The names of the shipped mappings, for ``shipped(_:)`` and the CLI's `--source NAME`.
    public static let shippedNames = ["promptvault", "folder-layout", "listings"]

    /// The path of a shipped mapping file.
    public static func shippedPath(_ name: String) -> String? {
        Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Mappings")?.path
    }

    /// The shipped mapping called `name` (one of ``shippedNames``).
    /// - Throws: ``StoreError/badConfiguration(file:message:)`` when no mapping has that name.
    public static func shipped(_ name: String) throws -> SourceConfiguration {
        guard shippedNames.contains(name) else {
            throw StoreError.badConfiguration(
                file: name, message: "no shipped mapping has this name (known: \(shippedNames.joined(separator: ", ")))")
        }
        guard let path = shippedPath(name) else {
            throw StoreError.badConfiguration(file: "Mappings/\(name).json", message: "the shipped mapping is missing from the bundle")
        }
        return try load(path: path)
    }

    /// The configuration a command-line `--source` names: the file at `nameOrPath` when there is
    /// one, else the shipped mapping of that name (`promptvault`, `folder-layout`, `listings`).
    /// - Throws: ``StoreError/badConfiguration(file:message:)``.
    public static func load(nameOrPath: String) throws -> SourceConfiguration {
        if !FileManager.default.fileExists(atPath: nameOrPath) && shippedNames.contains(nameOrPath) {
            return try shipped(nameOrPath)
        }
        return try load(path: nameOrPath)
    }

    /// Reads, decodes and validates the configuration file at `path`.
    /// - Throws: ``StoreError/badConfiguration(file:message:)`` naming the key and the problem.
    public static func load(path: String) throws -> SourceConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.badConfiguration(file: path, message: "cannot read the file")
        }
        return try decode(data, file: path)
    }

    /// Decodes and validates a configuration; `file` names it in errors.
    public static func decode(_ data: Data, file: String) throws -> SourceConfiguration {
        let configuration: SourceConfiguration
        do {
            configuration = try JSONDecoder().decode(SourceConfiguration.self, from: data)
        } catch let error as DecodingError {
            throw StoreError.badConfiguration(file: file, message: describe(error))
        } catch {
            throw StoreError.badConfiguration(file: file, message: "not valid JSON: \(error.localizedDescription)")
        }
        try configuration.validate(file: file)
        return configuration
    }

    /// Checks the configuration's consistency (not yet against a database: see ``check(_:)``).
    public func validate(file: String) throws {
        func fail(_ message: String) -> StoreError { .badConfiguration(file: file, message: message) }
        if name.isEmpty { throw fail("name: must not be empty") }
        if root.table.isEmpty || root.id.isEmpty { throw fail("root: table and id must not be empty") }
        if !documents.contains(":ids") { throw fail("documents: the SQL must use the parameter :ids (a JSON array of root ids)") }
        if fields.isEmpty { throw fail("fields: at least one field is needed") }
        var names = Set<String>()
        for (i, field) in fields.enumerated() {
            let key = "fields[\(i)] ('\(field.name)')"
            if field.name.isEmpty || field.name == "id" { throw fail("fields[\(i)].name: must not be empty or 'id'") }
            let produced = field.type == .path ? "\(field.name).lvl*" : field.name
            if !names.insert(produced).inserted { throw fail("\(key): the field name is used twice") }
            if let searchable = field.searchable {
                if field.type != .string && field.type != .strings {
                    throw fail("\(key).searchable: only string and strings fields can be searchable")
                }
                if !(searchable.weight > 0 && searchable.weight.isFinite) { throw fail("\(key).searchable.weight: must be > 0") }
                if !(0...1).contains(searchable.b) { throw fail("\(key).searchable.b: must be in 0...1") }
            }
            if field.type == .path && field.separator.isEmpty { throw fail("\(key).separator: must not be empty") }
        }
        do { try indexSettings.validate() } catch { throw fail("fields: \(error)") }
        if watch.isEmpty { throw fail("watch: at least the root table must be watched") }
        if rootWatch == nil { throw fail("watch: the root table '\(root.table)' must be watched (without affects)") }
        var entities = Set<String>()
        for (i, watched) in watch.enumerated() {
            if watched.table.isEmpty || watched.id.isEmpty { throw fail("watch[\(i)]: table and id must not be empty") }
            if !entities.insert(watched.entity).inserted { throw fail("watch[\(i)].entity: '\(watched.entity)' is used twice") }
            if let affects = watched.affects, !affects.contains(":ids") {
                throw fail("watch[\(i)].affects: the SQL must use the parameter :ids")
            }
        }
    }

    /// A decoding error as `path: problem`.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var out = ""
            for key in codingPath {
                if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
            }
            return out.isEmpty ? "(top level)" : out
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing (required key)"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type)), found null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty, let underlying = context.underlyingError {
                return "not valid JSON: \(underlying.localizedDescription)"
            }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Double.Type, is Int.Type: return "a number"
        case is [Any].Type: return "an array"
        default: return "an object"
        }
    }
}
