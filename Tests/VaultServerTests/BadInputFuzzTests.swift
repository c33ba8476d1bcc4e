import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VaultTestSupport
@testable import VaultServer

/// Seeded bad-input fuzzing of every route, in process. Properties, for every request:
/// 1. no 5xx (bad input is the client's fault) and no crash;
/// 2. every 4xx body is Meilisearch's error object: string `message`, `code`, `type`, `link`;
/// 3. a filter fault (`invalid_*_filter`) names its position (`at character N`);
/// 4. every 2xx body is JSON, unless its content type says otherwise (`/metrics`, the search page).
/// The seed is printed; replay a failure with `VAULT_TEST_SEED=<seed>`. `VAULTSEARCH_FUZZ_REQUESTS`
/// sets the number of requests (default 10,000).
@Suite struct BadInputFuzzTests {
    @Test func noRequestGetsA5xxAndEvery4xxIsAnAPIError() async throws {
        let seed = OracleSeed.make()
        let count = ProcessInfo.processInfo.environment["VAULTSEARCH_FUZZ_REQUESTS"].flatMap(Int.init) ?? 10_000
        print("bad-input fuzz: \(count) requests, seed \(seed) (replay: VAULT_TEST_SEED=\(seed))")
        let started = ContinuousClock.now
        let tally = try await TestDaemon.withClient { client in
            let ids = try await Self.documentIDs(client)
            var fuzzer = RequestFuzzer(seed: seed, documentIDs: ids)
            var tally: [Int: Int] = [:]
            var failures = 0
            for number in 0..<count {
                let request = fuzzer.next()
                let response = try await client.execute(uri: request.uri, method: request.method, headers: request.headers, body: request.body.map { ByteBuffer(bytes: $0) })
                tally[response.status.code, default: 0] += 1
                if let problem = Self.problem(request, response) {
                    failures += 1
                    if failures <= 20 {
                        let body = request.body.map { String(decoding: $0.prefix(300), as: UTF8.self) } ?? ""
                        Issue.record(Comment(rawValue: "request \(number) (seed \(seed)): \(request.method.rawValue) \(request.uri.prefix(200)) \(body)\n→ \(problem)"))
                    }
                }
            }
            #expect(failures == 0, Comment(rawValue: "\(failures) of \(count) requests broke a property (the first 20 are recorded above); seed \(seed)"))
            return tally
        }
        let elapsed = ContinuousClock.now - started
        print("bad-input fuzz: statuses \(tally.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")) in \(elapsed)")
        #expect(tally.values.reduce(0, +) == count)
    }

    /// What is wrong with `response` to `request`, or nil.
    static func problem(_ request: SampleRequest, _ response: TestResponse) -> String? {
        let status = response.status.code
        let text = String(decoding: response.bytes.prefix(400), as: UTF8.self)
        if status >= 500 { return "status \(status): \(text)" }
        if (200..<300).contains(status) {
            // JSON unless the route serves something else (/metrics' text, the page's HTML, CSS, JS).
            guard response.headers[.contentType]?.hasPrefix("application/json") ?? true else { return nil }
            return response.json == nil ? "a \(status) whose body is not JSON: \(text)" : nil
        }
        guard status >= 400 else { return "status \(status)" }
        guard case .object(let object)? = response.json else { return "a \(status) whose body is not a JSON object: \(text)" }
        for member in ["message", "code", "type", "link"] {
            guard case .string? = object[member] else { return "a \(status) without a string `\(member)`: \(text)" }
        }
        // A filter that does not parse names the position of its fault (a filter of the wrong JSON
        // type is an `Invalid value type` error, which has no position to name).
        if case .string(let code)? = object["code"], code.hasSuffix("_filter"), case .string(let message)? = object["message"],
           !message.contains("Invalid value type at `.filter`"), !message.contains("at character ") {
            return "a filter fault without its position: \(text)"
        }
        return nil
    }

    /// A few ids of documents visible to public requests.
    static func documentIDs(_ client: some TestClientProtocol) async throws -> [String] {
        let response = try await client.execute(uri: "/indexes/prompts/documents?limit=20&fields=id", method: .get)
        guard case .object(let object)? = response.json, case .array(let results)? = object["results"] else { return [] }
        return results.compactMap { result -> String? in
            guard case .object(let document) = result else { return nil }
            switch document["id"] {
            case .integer(let number)?: return String(number)
            case .string(let text)?: return text
            default: return nil
            }
        }
    }
}
