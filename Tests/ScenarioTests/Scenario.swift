import Foundation
import VaultIndex

/// One scenario folder under `Tests/Scenarios/`: `documents.jsonl`, `settings.json`, `cases.json`
/// and a `README.md` whose first heading names the property checked.
struct Scenario {
    /// The folder's name (`exact-before-typo`).
    var name: String
    /// The property checked: the README's first `# ` heading (without the `#`).
    var property: String
    /// The documents to index.
    var documents: [Document]
    /// The index settings (`settings.json` decoded as `IndexSettings`).
    var settings: IndexSettings
    /// Top-level keys of `settings.json` that this build's `IndexSettings` drops when it re-encodes
    /// the settings: settings not (yet) understood, reported so a failure is easier to read.
    var ignoredSettingKeys: [String]
    /// The queries and what their rankings must be.
    var cases: [ScenarioCase]

    /// `Tests/Scenarios`, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios")

    /// The names of every scenario folder, sorted.
    static let folderNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }()

    /// Reads the scenario in folder `name`.
    init(name: String) throws {
        self.name = name
        let folder = Self.root.appendingPathComponent(name)
        func data(_ file: String) throws -> Data {
            do { return try Data(contentsOf: folder.appendingPathComponent(file)) } catch {
                throw ScenarioError("\(name)/\(file): cannot read (\(error.localizedDescription))")
            }
        }
        func decode<T: Decodable>(_ type: T.Type, _ file: String) throws -> T {
            do { return try JSONDecoder().decode(type, from: try data(file)) } catch let error as ScenarioError { throw error } catch {
                throw ScenarioError("\(name)/\(file): \(error)")
            }
        }
        let readme = String(decoding: try data("README.md"), as: UTF8.self)
        guard let heading = readme.split(separator: "\n").first(where: { $0.hasPrefix("# ") }) else {
            throw ScenarioError("\(name)/README.md: no '# ' heading naming the property")
        }
        property = String(heading.dropFirst(2))
        settings = try decode(IndexSettings.self, "settings.json")
        ignoredSettingKeys = try Self.droppedKeys(json: try data("settings.json"), settings: settings)
        cases = try decode([ScenarioCase].self, "cases.json")
        documents = []
        for (number, line) in String(decoding: try data("documents.jsonl"), as: UTF8.self).split(separator: "\n").enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            do { documents.append(try ScenarioDocument.parse(Data(line.utf8))) } catch {
                throw ScenarioError("\(name)/documents.jsonl:\(number + 1): \(error)")
            }
        }
    }

    /// The top-level keys of `json` missing from `settings` encoded again.
    static func droppedKeys(json: Data, settings: IndexSettings) throws -> [String] {
        let given = (try JSONSerialization.jsonObject(with: json) as? [String: Any]) ?? [:]
        let kept = (try JSONSerialization.jsonObject(with: try JSONEncoder().encode(settings)) as? [String: Any]) ?? [:]
        return given.keys.filter { kept[$0] == nil }.sorted()
    }
}

/// Turns a `documents.jsonl` line into a ``Document``: `id` (a string) is the id, every other key
/// a field: a string, an array of strings, a number or a boolean.
enum ScenarioDocument {
    /// One field's JSON value.
    private struct Value: Decodable {
        var field: FieldValue
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { field = .string(text) }
            else if let texts = try? container.decode([String].self) { field = .strings(texts) }
            else if let flag = try? container.decode(Bool.self) { field = .bool(flag) }
            else if let number = try? container.decode(Double.self) { field = .number(number) }
            else { throw ScenarioError("a field is neither a string, a string array, a number nor a boolean") }
        }
    }

    static func parse(_ line: Data) throws -> Document {
        var values = try JSONDecoder().decode([String: Value].self, from: line)
        guard case .string(let id)? = values.removeValue(forKey: "id")?.field else { throw ScenarioError("no string \"id\"") }
        return Document(id: id, fields: values.mapValues(\.field))
    }
}
