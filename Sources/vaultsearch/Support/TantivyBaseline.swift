import Foundation

/// The tantivy baseline of `vaultsearch bench --baseline tantivy`: runs `Benchmarks/tantivy/run.sh`
/// (which installs the `tantivy` Python package into a virtual environment beside it) and reads its
/// JSON report.
struct TantivyBaseline {
    /// What the script reports (`tantivy_bench.py`, `--json-output`).
    struct Report: Decodable {
        var tantivyVersion: String
        var documents: Int
        var queries: Int
        var pythonOverheadSeconds: Double?
        var loadAverage: [Double]
        var runs: [Run]
    }

    /// One build and its query timings.
    struct Run: Decodable {
        var threads: Int
        var buildSeconds: Double
        var indexBytes: Int
        var peakRSSMiB: Double
        var segments: Int
        var query: Latency
        var queryStopWordsDropped: Latency?
    }

    /// Query latency over every timed run.
    struct Latency: Decodable {
        var samples: Int
        var p50Ms: Double
        var p90Ms: Double
        var p99Ms: Double
        var meanMs: Double
        var qps: Double
        var queriesWithHits: Int
    }

    /// The result of running the script.
    enum Outcome {
        /// The report, and the same JSON as an object (for `bench --json`).
        case measured(Report, json: Any)
        /// The script exited with ``skippedStatus``: tantivy could not be installed or imported.
        case skipped
    }

    /// The exit status with which the script says "skipped" (automake's convention).
    static let skippedStatus: Int32 = 77

    /// The entry point.
    var script: String

    /// `explicit` when given, else `Benchmarks/tantivy/run.sh` in the current directory or a folder
    /// above it, or above the running executable (`.build/<triple>/release/vaultsearch` of a checkout).
    static func locate(_ explicit: String?) throws -> TantivyBaseline {
        if let explicit {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw CommandError("no executable tantivy script at '\(explicit)'")
            }
            return TantivyBaseline(script: explicit)
        }
        let relative = "Benchmarks/tantivy/run.sh"
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for start in [URL(fileURLWithPath: FileManager.default.currentDirectoryPath), executable] {
            var folder = start.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent(relative).path
                if FileManager.default.isExecutableFile(atPath: candidate) { return TantivyBaseline(script: candidate) }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw CommandError("cannot find \(relative) (run from the checkout, or pass --tantivy-script)")
    }

    /// Runs the script on `corpus` and `queries`; its progress and table go to standard error.
    func run(
        corpus: String, queries: String, threads: [Int], repeat: Int, limit: Int, stopWords: [String], titleBoost: Double,
        workDirectory: String
    ) throws -> Outcome {
        let output = workDirectory + "/tantivy-report.json"
        try? FileManager.default.removeItem(atPath: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = [
            "--corpus", corpus, "--queries", queries, "--threads", threads.map(String.init).joined(separator: ","),
            "--repeat", "\(`repeat`)", "--limit", "\(limit)", "--title-boost", "\(titleBoost)",
            "--stop-words", stopWords.joined(separator: ","), "--work-dir", workDirectory + "/tantivy", "--json-output", output,
        ]
        process.standardOutput = FileHandle.standardError
        process.standardError = FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw CommandError("cannot run \(script): \(error.localizedDescription)") }
        process.waitUntilExit()
        if process.terminationReason == .exit && process.terminationStatus == Self.skippedStatus { return .skipped }
        guard process.terminationReason == .exit && process.terminationStatus == 0 else {
            throw CommandError("the tantivy baseline failed (\(script), status \(process.terminationStatus))")
        }
        guard let data = FileManager.default.contents(atPath: output) else {
            throw CommandError("the tantivy baseline wrote no report at \(output)")
        }
        try? FileManager.default.removeItem(atPath: output)
        do {
            return .measured(try JSONDecoder().decode(Report.self, from: data), json: try JSONSerialization.jsonObject(with: data))
        } catch {
            throw CommandError("the tantivy baseline's report does not decode: \(error)")
        }
    }
}

/// The 1, 5 and 15 minute load averages (zeros where unavailable).
func loadAverages() -> [Double] {
    var values = [Double](repeating: 0, count: 3)
    let got = values.withUnsafeMutableBufferPointer { getloadavg($0.baseAddress!, 3) }
    return got == 3 ? values : [0, 0, 0]
}

/// The bytes of every file under `path` (the apparent sizes, as `du --apparent-size`).
func directoryBytes(_ path: String) -> Int {
    guard let enumerator = FileManager.default.enumerator(atPath: path) else { return 0 }
    var total = 0
    while let name = enumerator.nextObject() as? String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + name)
        if attributes?[.type] as? FileAttributeType == .typeRegular {
            total += (attributes?[.size] as? NSNumber)?.intValue ?? 0
        }
    }
    return total
}

/// The size of the file at `path`, 0 when there is none.
func fileBytes(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}
