import Foundation
import Testing
import VaultIndex

/// Data-driven ranking scenarios: every folder under `Tests/Scenarios/` is one test. Each folder
/// names the property it checks in its README; its documents are indexed with its settings in a
/// temporary directory, and each case of `cases.json` is searched and checked (`expectOrder`,
/// `expectTop`, `expectAbsent`, `expectDidYouMean`). A failure names the scenario, the property,
/// the case and the actual ranking with scores.
///
/// Add a scenario by adding a folder; see `Tests/Scenarios/README.md` for the file formats.
@Suite struct ScenarioTests {
    /// How many hits each case looks at.
    static let window = 50

    @Test func scenariosExist() {
        #expect(Scenario.folderNames.count >= 9, "found \(Scenario.folderNames) under \(Scenario.root.path)")
    }

    @Test(arguments: Scenario.folderNames)
    func scenario(_ name: String) throws {
        let scenario = try Scenario(name: name)
        let note = scenario.ignoredSettingKeys.isEmpty
            ? "" : " [settings this build ignores: \(scenario.ignoredSettingKeys.joined(separator: ", "))]"
        try #require(!scenario.cases.isEmpty, "\(name): cases.json has no case")

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = try Index.create(at: directory.url.path, settings: scenario.settings)
        try IndexWriter(index: index).apply(scenario.documents.map { .upsert($0) })
        let searcher = try Searcher(index: index)

        for testCase in scenario.cases {
            let context = "scenario '\(name)' (\(scenario.property)), case '\(testCase.name)', query '\(testCase.query)'\(note)"
            #expect(testCase.checksSomething, "\(context): the case expects nothing")
            let options = try scenarioSearchOptions(matchingStrategy: testCase.matchingStrategy, limit: Self.window)
            let results: SearchResults
            do { results = try searcher.search(testCase.query, scope: .publicOnly, options: options) } catch {
                Issue.record("\(context): the search failed: \(error)")
                continue
            }
            let ranking = results.hits.map(\.id)
            let problems = testCase.problems(ranking: ranking, didYouMean: scenarioDidYouMean(results))
            if !problems.isEmpty {
                let actual = results.hits.map { "\($0.id) (\(String(format: "%.3f", $0.score)))" }.joined(separator: ", ")
                Issue.record("\(context): \(problems.joined(separator: "; ")). Actual ranking: [\(actual)]")
            }
        }
    }
}
