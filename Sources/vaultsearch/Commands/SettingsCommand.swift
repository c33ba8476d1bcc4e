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

    @Option(name: .long, help: "Ranking rules in order, comma-separated: words,typo,prefix,proximity,attribute,exactness,bm25.")
    var rankingRules: String?

    @Option(name: .long, parsing: .unconditional, help: "Queries of up to this many words are ranked by every rule; longer ones by bm25 alone.")
    var rankingRulesMaxWords: Int?

    @Option(name: .long, help: "Typo tolerance on or off (true/false).")
    var typoTolerance: Bool?

    @Option(name: .long, parsing: .unconditional, help: "Typo variants of a known word are searched only when this many times more frequent.")
    var typoVariantRatio: Double?

    @Option(name: .long, help: "Prefix matching of a still-typed last word on or off (true/false).")
    var prefixSearch: Bool?

    @Option(name: .long, help: "A JSON file of synonyms: {\"word\": [\"synonym\", ...], ...} (replaces the current ones).")
    var synonyms: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let index = try Index.open(at: indexOptions.index, verifyStructure: true)
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
        if let rankingRules {
            settings.rankingRules = try rankingRules.split(separator: ",").map { name in
                guard let rule = RankingRule(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("unknown ranking rule '\(name)' (rules: \(RankingRule.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return rule
            }
        }
        if let rankingRulesMaxWords { settings.rankingRulesMaxWords = rankingRulesMaxWords }
        if let typoTolerance { settings.typoTolerance.enabled = typoTolerance }
        if let prefixSearch { settings.prefixSearch = prefixSearch }
        if let typoVariantRatio { settings.typoTolerance.variantFrequencyRatio = typoVariantRatio }
        if let synonyms {
            let data = try Data(contentsOf: URL(fileURLWithPath: synonyms))
            do {
                settings.synonyms = try JSONDecoder().decode([String: [String]].self, from: data)
            } catch {
                throw CommandError("\(synonyms): expected a JSON object of string arrays: \(error)")
            }
        }
        let changed = k1 != nil || b != nil || !weight.isEmpty || !fieldB.isEmpty || rankingRules != nil || rankingRulesMaxWords != nil || typoTolerance != nil || typoVariantRatio != nil
            || prefixSearch != nil || synonyms != nil
        if changed { try index.updateSettings(settings) }
        if json {
            let data = try JSONEncoder().encode(settings)
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("k1 \(settings.k1)")
        for field in settings.searchableFields { print("field \(field.name): weight \(field.weight), b \(field.b)") }
        print("stemming \(settings.analysis.stemming?.rawValue ?? "off"), diacritics folded: \(settings.analysis.foldDiacritics)")
        print("ranking rules \(settings.rankingRules.map(\.rawValue).joined(separator: ",")) for queries of up to \(settings.rankingRulesMaxWords) words")
        let typo = settings.typoTolerance
        print("typo tolerance \(typo.enabled ? "on" : "off"): 1 typo from \(typo.minWordSizeForOneTypo) characters, 2 from \(typo.minWordSizeForTwoTypos), numbers \(typo.disableOnNumbers ? "exact" : "fuzzy"), at most \(typo.maxVariants) variants")
        print("prefix search \(settings.prefixSearch ? "on" : "off"), \(settings.synonyms.count) synonym keys")
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
