import ArgumentParser
import Foundation
import VaultIndex

/// `vaultsearch settings`: shows the index's settings and changes its ranking settings in place.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show the index's settings; change k1, b or field weights in place (no rebuild needed).",
        discussion: "Searchable fields and analysis (stemming, folding) are fixed when the index is built.")

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, parsing: .unconditional, help: "BM25 term-frequency saturation.")
    var k1: Double?

    @Option(name: .long, parsing: .unconditional, help: "Length normalization (0...1) of every field.")
    var b: Double?

    @Option(name: .long, help: "A field weight as FIELD=WEIGHT, e.g. title=2 (repeatable).")
    var weight: [String] = []

    @Option(name: .long, help: "One field's length normalization as FIELD=B, e.g. title=0.3 (repeatable).")
    var fieldB: [String] = []

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let index = try Index.open(at: indexOptions.index)
        var settings = try index.snapshot().settings
        if let k1 { settings.k1 = k1 }
        if let b { for i in settings.searchableFields.indices { settings.searchableFields[i].b = b } }
        for (entry, i, value) in try fieldAssignments(weight, option: "--weight", settings: settings) {
            _ = entry
            settings.searchableFields[i].weight = value
        }
        for (entry, i, value) in try fieldAssignments(fieldB, option: "--field-b", settings: settings) {
            _ = entry
            settings.searchableFields[i].b = value
        }
        if k1 != nil || b != nil || !weight.isEmpty || !fieldB.isEmpty { try index.updateSettings(settings) }
        if json {
            let data = try JSONEncoder().encode(settings)
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("k1 \(settings.k1)")
        for field in settings.searchableFields { print("field \(field.name): weight \(field.weight), b \(field.b)") }
        print("stemming \(settings.analysis.stemming?.rawValue ?? "off"), diacritics folded: \(settings.analysis.foldDiacritics)")
    }

    /// Parses FIELD=NUMBER assignments into (text, field index, value).
    private func fieldAssignments(_ entries: [String], option: String, settings: IndexSettings) throws -> [(String, Int, Double)] {
        try entries.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]) else { throw ValidationError("\(option) expects FIELD=NUMBER, got '\(entry)'") }
            guard let i = settings.searchableFields.firstIndex(where: { $0.name == parts[0] }) else {
                throw ValidationError("no searchable field '\(parts[0])' (fields: \(settings.searchableFields.map(\.name).joined(separator: ", ")))")
            }
            return (entry, i, value)
        }
    }
}
