import Foundation

/// Runs pytrec_eval (PyPI `pytrec-eval-terrier`, trec_eval 9.x inside) through `python3`.
enum PytrecEval {
    /// Whether `python3` can import `pytrec_eval`. On the first check, when the import fails, one
    /// `python3 -m pip install --quiet pytrec-eval-terrier` is tried; the reason is printed.
    static let isAvailable: Bool = {
        if canImport() { return true }
        print("pytrec_eval is not importable; trying: python3 -m pip install --quiet pytrec-eval-terrier")
        _ = try? python(["-m", "pip", "install", "--quiet", "pytrec-eval-terrier"])
        let available = canImport()
        if !available {
            print("pytrec_eval is still not importable: the comparison with trec_eval is skipped")
        }
        return available
    }()

    /// Per-query values from `pytrec_eval.RelevanceEvaluator(qrels, measures).evaluate(run)` for
    /// TREC files on disk: `[qid: [measure name: value]]`, names as pytrec_eval prints them
    /// (`ndcg_cut_10`, `recip_rank`, …).
    static func evaluate(qrels: URL, run: URL, measures: [String]) throws -> [String: [String: Double]] {
        let script = """
            import json, sys
            import pytrec_eval
            def read(path, value):
                table = {}
                with open(path) as f:
                    for line in f:
                        fields = line.split()
                        if fields:
                            table.setdefault(fields[0], {})[fields[2]] = value(fields)
                return table
            qrels = read(sys.argv[1], lambda f: int(f[3]))
            run = read(sys.argv[2], lambda f: float(f[4]))
            evaluator = pytrec_eval.RelevanceEvaluator(qrels, set(sys.argv[3].split(',')))
            print(json.dumps(evaluator.evaluate(run)))
            """
        let output = try python(["-c", script, qrels.path, run.path, measures.joined(separator: ",")])
        return try JSONDecoder().decode([String: [String: Double]].self, from: output)
    }

    private static func canImport() -> Bool {
        (try? python(["-c", "import pytrec_eval"])) != nil
    }

    /// Runs `python3` with `arguments` and returns its standard output; throws when it fails.
    private static func python(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "python3 exited \(process.terminationStatus)"])
        }
        return data
    }
}
