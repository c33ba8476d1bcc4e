import ArgumentParser
import Foundation
import VaultAnalysis
import VaultIndex

/// `vaultsearch inspect`: looks inside an index.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Look inside an index: stats, a term's postings, a stored document, a consistency check.",
        subcommands: [Stats.self, Term.self, DocumentCommand.self, Check.self])

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Documents, terms, blocks, average field lengths, size.")
        @OptionGroup var indexOptions: IndexOptions

        func run() throws {
            let snapshot = try Index.open(at: indexOptions.index, readOnly: true, verifyStructure: true).snapshot()
            let report = try snapshot.report()
            print("format version   \(report.formatVersion)")
            print("documents        \(report.documentCount)")
            print("terms            \(report.termCount)")
            print("postings blocks  \(report.blockCount)")
            for field in snapshot.settings.searchableFields {
                print(String(format: "field %-10@ weight %.2f  b %.2f  average length %.1f", field.name, field.weight, field.b, report.averageFieldLengths[field.name] ?? 0))
            }
            print("k1               \(snapshot.settings.k1)")
            print(String(format: "data in use      %.1f MiB", Double(report.usedBytes) / 1_048_576))
        }
    }

    struct Term: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A term's dictionary entry and postings (the word is analyzed first).")
        @OptionGroup var indexOptions: IndexOptions
        @Option(name: .long, help: "How many postings to show.") var limit = 20
        @Argument(help: "The word.") var word: String

        func run() throws {
            let snapshot = try Index.open(at: indexOptions.index, readOnly: true, verifyStructure: true).snapshot()
            let term = Analyzer(snapshot.settings.analysis).normalize(word: word)
            guard let report = try snapshot.termReport(term, limit: limit) else {
                throw CommandError("'\(word)' (analyzed: '\(term)') is not in the index")
            }
            print("term '\(report.term)'  id \(report.termID)  df \(report.documentFrequency)  blocks \(report.blockCount)")
            for posting in report.postings {
                let fields = posting.fields.keys.sorted().map { "\($0): tf \(posting.fields[$0]!.tf) len \(posting.fields[$0]!.length)" }
                print("  \(posting.id) (#\(posting.documentNumber))  \(fields.joined(separator: ", "))")
            }
        }
    }

    struct DocumentCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "document", abstract: "A stored document, as JSON.")
        @OptionGroup var indexOptions: IndexOptions
        @Argument(help: "The document's id.") var id: String

        func run() throws {
            let snapshot = try Index.open(at: indexOptions.index, readOnly: true, verifyStructure: true).snapshot()
            guard let document = try snapshot.document(id: id, scope: .unrestricted) else { throw CommandError("no document with id '\(id)'") }
            var object: [String: Any] = ["id": document.id]
            for (name, value) in document.fields {
                switch value {
                case .string(let text): object[name] = text
                case .strings(let texts): object[name] = texts
                case .number(let number): object[name] = number
                case .bool(let flag): object[name] = flag
                }
            }
            try printJSON(object)
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cross-check every database of the index; exit 1 on a problem.")
        @OptionGroup var indexOptions: IndexOptions

        func run() throws {
            let problems = try Index.check(at: indexOptions.index)
            if problems.isEmpty {
                print("ok: the index is consistent")
                return
            }
            for problem in problems { print("problem: \(problem)") }
            throw ExitCode.failure
        }
    }
}
