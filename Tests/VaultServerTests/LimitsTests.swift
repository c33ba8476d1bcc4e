import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import VaultServer

/// The limits, each refused with a clear 4xx (never a 500):
/// 1. filter nesting past the parser's depth (64) and length (64 KiB): `invalid_search_filter` at a position;
/// 2. more sort keys (32), facets (100) or list elements (1,000) than accepted;
/// 3. a URL past max.url.bytes (414), more headers than max.header.count (431);
/// 4. a known path with another method: 405 with `Allow`.
@Suite struct LimitsTests {
    static func post(_ client: some TestClientProtocol, _ body: String, to uri: String = "/indexes/prompts/search") async throws -> (Int, JSONObject) {
        let response = try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
        guard case .object(let object)? = response.json else { throw TestFailure("not a JSON object: \(String(decoding: response.bytes, as: UTF8.self))") }
        return (response.status.code, object)
    }

    @Test func deepAndLongFiltersNameTheirPosition() async throws {
        try await TestDaemon.withClient { client in
            for filter in [String(repeating: "(", count: 65) + "views > 1" + String(repeating: ")", count: 65),
                           String(repeating: "NOT ", count: 65) + "featured = true",
                           "title = " + String(repeating: "a", count: 70_000)] {
                let (status, error) = try await Self.post(client, "{\"filter\":\"\(filter)\"}")
                #expect(status == 400)
                #expect(error["code"] == .string("invalid_search_filter"))
                guard case .string(let message)? = error["message"] else { Issue.record("no message"); continue }
                #expect(message.contains("at character "), Comment(rawValue: message))
            }
            let (status, _) = try await Self.post(client, "{\"filter\":\"" + String(repeating: "(", count: 60) + "views > 1" + String(repeating: ")", count: 60) + "\"}")
            #expect(status == 200)
        }
    }

    @Test func listLengthsAreBounded() async throws {
        try await TestDaemon.withClient { client in
            let sort = (0..<33).map { _ in "\"views:desc\"" }.joined(separator: ",")
            var (status, error) = try await Self.post(client, "{\"sort\":[\(sort)]}")
            #expect(status == 400 && error["code"] == .string("invalid_search_sort"))
            let facets = (0..<101).map { _ in "\"tags\"" }.joined(separator: ",")
            (status, error) = try await Self.post(client, "{\"facets\":[\(facets)]}")
            #expect(status == 400 && error["code"] == .string("invalid_search_facets"))
            let fields = (0..<1_001).map { "\"f\($0)\"" }.joined(separator: ",")
            (status, error) = try await Self.post(client, "{\"attributesToRetrieve\":[\(fields)]}")
            #expect(status == 400 && error["code"] == .string("invalid_search_attributes_to_retrieve"))
        }
    }

    @Test func longURLsAndManyHeadersAreRefused() async throws {
        try await TestDaemon.withClient { client in
            let long = try await client.execute(uri: "/indexes/prompts/search?q=" + String(repeating: "a", count: 17_000), method: .get)
            #expect(long.status.code == 414)
            #expect(long.json.flatMap { if case .object(let o) = $0 { o["code"] } else { nil } } == .string("uri_too_long"))
            var fields = HTTPFields()
            for index in 0..<101 { fields.append(HTTPField(name: HTTPField.Name("X-H\(index)")!, value: "v")) }
            let many = try await client.execute(uri: "/health", method: .get, headers: fields)
            #expect(many.status.code == 431)
        }
    }

    @Test func aKnownPathWithAnotherMethodIs405() async throws {
        try await TestDaemon.withClient { client in
            let response = try await client.execute(uri: "/indexes/prompts/search", method: .delete)
            #expect(response.status.code == 405)
            #expect(response.headers[.allow] == "GET, POST")
            let unknown = try await client.execute(uri: "/indexes/prompts/nothing", method: .get)
            #expect(unknown.status.code == 404)
        }
    }
}
