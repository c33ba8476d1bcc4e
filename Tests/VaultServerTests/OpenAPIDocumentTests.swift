import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import VaultServer

/// Keeps `Sources/VaultServer/OpenAPI/openapi.json` true:
/// 1. every route of the router (Hummingbird's `Router.routes`) is documented, and every
///    documented operation is routed — except operations marked `x-vaultsearch-pending`, which must
///    NOT be routed yet (remove the marker when the route lands);
/// 2. the document uses only schema keywords the test's validator checks;
/// 3. representative requests (successes and each kind of error) answer a status the operation
///    documents, with a body valid against that response's schema; every routed operation is
///    exercised with a 2xx at least once.
@Suite struct OpenAPIDocumentTests {
    static let methods = ["get", "post", "put", "patch", "delete"]

    static func document() throws -> JSONValue { try JSONValue.parse(OpenAPIDocument.bytes()) }

    /// (METHOD, path template) of every documented operation, and whether it is pending.
    static func operations(_ document: JSONValue) -> [(operation: String, pending: Bool)] {
        guard case .object(let root) = document, case .object(let paths)? = root["paths"] else { return [] }
        var result: [(String, Bool)] = []
        for (path, item) in paths.members {
            guard case .object(let item) = item else { continue }
            for method in methods {
                guard case .object(let operation)? = item[method] else { continue }
                result.append(("\(method.uppercased()) \(path)", operation["x-vaultsearch-pending"] != nil))
            }
        }
        return result
    }

    @Test func everyRouteIsDocumentedAndEveryOperationRouted() async throws {
        let state = try await TestDaemon.state()
        let routed = Set(buildRouter(state).routes.map { "\($0.method.rawValue) \($0.path.description)" })
        let documented = Self.operations(try Self.document())
        let live = Set(documented.filter { !$0.pending }.map(\.operation))
        let pending = Set(documented.filter(\.pending).map(\.operation))
        #expect(routed.subtracting(live).subtracting(pending).sorted() == [], Comment(rawValue: "routed but not in openapi.json"))
        #expect(live.subtracting(routed).sorted() == [], Comment(rawValue: "in openapi.json but not routed"))
        #expect(pending.intersection(routed).sorted() == [],
                Comment(rawValue: "routed now: remove `x-vaultsearch-pending` from these operations in openapi.json"))
    }

    @Test func theDocumentUsesOnlyCheckedKeywords() throws {
        let document = try Self.document()
        guard case .object(let root) = document, case .object(let components)? = root["components"],
              case .object(let schemas)? = components["schemas"] else { Issue.record("no components.schemas"); return }
        var unsupported: Set<String> = []
        for (_, schema) in schemas.members { unsupported.formUnion(SchemaValidator.unsupported(in: schema)) }
        Self.walkInlineSchemas(document) { unsupported.formUnion(SchemaValidator.unsupported(in: $0)) }
        #expect(unsupported.sorted() == [], Comment(rawValue: "keywords the validator does not check"))
        #expect(root["openapi"] == .string("3.1.0"))
    }

    /// Calls `visit` with every `schema` member under `paths` and `components/responses|parameters`.
    static func walkInlineSchemas(_ value: JSONValue, _ visit: (JSONValue) -> Void) {
        switch value {
        case .object(let object):
            for (key, member) in object.members {
                if key == "schema" { visit(member) } else if key != "schemas" { walkInlineSchemas(member, visit) }
            }
        case .array(let elements): for element in elements { walkInlineSchemas(element, visit) }
        default: break
        }
    }

    @Test func theServedDocumentIsTheShippedOne() async throws {
        try await TestDaemon.withClient { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(try response.json == Self.document())
        }
    }

    @Test func representativeResponsesMatchTheirSchemas() async throws {
        let document = try Self.document()
        let validator = SchemaValidator(root: document)
        var exercised = try await TestDaemon.withClient { client in
            let id = try await Self.publicDocumentID(client)
            return try await Self.check(RepresentativeRequests.all(documentID: id), client: client, document: document, validator: validator)
        }
        // The key routes and the authentication errors need a daemon with a master key.
        let keyed = try AuthFixture()
        exercised.formUnion(try await keyed.withClient { api in
            try await Self.check(RepresentativeRequests.keys(master: AuthFixture.masterKey), client: api.client, document: document, validator: validator)
        })
        try await keyed.shutdown()
        let live = Set(Self.operations(document).filter { !$0.pending }.map(\.operation))
        #expect(live.subtracting(exercised).sorted() == [], Comment(rawValue: "operations no representative request answered with a 2xx"))
    }

    /// Sends `samples` in order, checks each status and body against the document, and returns the
    /// operations answered with a 2xx.
    static func check(_ samples: [SampleRequest], client: some TestClientProtocol, document: JSONValue, validator: SchemaValidator) async throws -> Set<String> {
            var exercised: Set<String> = []
            for sample in samples {
                let response = try await client.execute(uri: sample.uri, method: sample.method, headers: sample.headers, body: sample.body.map { ByteBuffer(bytes: $0) })
                let label = "\(sample.method.rawValue) \(sample.uri.prefix(120))"
                #expect(response.status.code == sample.status, Comment(rawValue: "\(label): status \(response.status.code), body \(String(decoding: response.bytes.prefix(300), as: UTF8.self))"))
                let path = String(sample.uri.split(separator: "?", maxSplits: 1).first ?? "")
                guard let (template, operation) = Self.operation(document, method: sample.method.rawValue.lowercased(), path: path) else {
                    // An unknown path or method: the error is checked against the Error schema.
                    #expect(response.status.code == 404 || response.status.code == 405, Comment(rawValue: "\(label): no operation"))
                    let errors = validator.errors(response.json ?? .null, .object(JSONObject([("$ref", .string("#/components/schemas/Error"))])))
                    #expect(errors == [], Comment(rawValue: "\(label): \(errors.prefix(5))"))
                    continue
                }
                guard let schema = Self.responseSchema(operation, status: response.status.code, validator: validator) else {
                    Issue.record(Comment(rawValue: "\(label): status \(response.status.code) is not documented for \(template)"))
                    continue
                }
                if (200..<300).contains(response.status.code) { exercised.insert("\(sample.method.rawValue) \(template)") }
                guard let schema else { continue }  // a documented response without a JSON body
                guard let body = response.json else {
                    Issue.record(Comment(rawValue: "\(label): the body is not JSON"))
                    continue
                }
                let errors = validator.errors(body, schema)
                #expect(errors == [], Comment(rawValue: "\(label): \(errors.prefix(5))"))
            }
            return exercised
    }

    /// The id of a document a public request can fetch.
    static func publicDocumentID(_ client: some TestClientProtocol) async throws -> String {
        let response = try await client.execute(uri: "/indexes/prompts/documents?limit=1&fields=id", method: .get)
        guard case .object(let object)? = response.json, case .array(let results)? = object["results"],
              case .object(let first)? = results.first else { throw TestFailure("no document to fetch") }
        switch first["id"] {
        case .integer(let number)?: return String(number)
        case .string(let text)?: return text
        default: throw TestFailure("no id")
        }
    }

    /// The path template and operation object that `path` and `method` match.
    static func operation(_ document: JSONValue, method: String, path: String) -> (String, JSONObject)? {
        guard case .object(let root) = document, case .object(let paths)? = root["paths"] else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        // Literal segments win over captures (as Hummingbird's trie resolves them).
        let candidates = paths.members.filter { RouteTable.matches($0.key, segments) }
            .sorted { $0.key.filter { $0 == "{" }.count < $1.key.filter { $0 == "{" }.count }
        for (template, item) in candidates {
            if case .object(let item) = item, case .object(let operation)? = item[method] { return (template, operation) }
        }
        return nil
    }

    /// The JSON schema of `status`'s response (nil inside when the response has no JSON body),
    /// or nil when the operation does not document the status.
    static func responseSchema(_ operation: JSONObject, status: Int, validator: SchemaValidator) -> JSONValue??  {
        guard case .object(let responses)? = operation["responses"], var response = responses[String(status)] ?? responses["default"] else { return nil }
        if case .string(let reference)? = { if case .object(let object) = response { return object["$ref"] } else { return nil } }() {
            response = validator.resolve(reference) ?? .null
        }
        guard case .object(let object) = response, case .object(let content)? = object["content"] else { return .some(nil) }
        guard case .object(let media)? = content["application/json"] else { return .some(nil) }
        return .some(media["schema"])
    }
}

/// A failure of a test's own set-up.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
