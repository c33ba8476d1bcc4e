import Foundation
import Testing
import VaultAnalysis

/// Analyzer settings as stored in the index settings (JSON).
@Suite struct ConfigurationTests {
    @Test func defaults() {
        let configuration = AnalyzerConfiguration()
        #expect(configuration.stemming == nil)
        #expect(configuration.foldDiacritics)
    }

    @Test func decodesMissingKeysAsDefaults() throws {
        let decoded = try JSONDecoder().decode(AnalyzerConfiguration.self, from: Data("{}".utf8))
        #expect(decoded == AnalyzerConfiguration())
        let english = try JSONDecoder().decode(AnalyzerConfiguration.self, from: Data(#"{"stemming":"english"}"#.utf8))
        #expect(english == AnalyzerConfiguration(stemming: .english, foldDiacritics: true))
    }

    @Test func roundTrips() throws {
        let configuration = AnalyzerConfiguration(stemming: .english, foldDiacritics: false)
        let data = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(AnalyzerConfiguration.self, from: data) == configuration)
    }

    @Test func rejectsUnknownLanguage() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(AnalyzerConfiguration.self, from: Data(#"{"stemming":"klingon"}"#.utf8))
        }
    }

    @Test func analyzerKeepsItsConfiguration() {
        let configuration = AnalyzerConfiguration(stemming: .english)
        #expect(Analyzer(configuration).configuration == configuration)
    }
}
