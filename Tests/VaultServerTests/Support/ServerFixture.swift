import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import VaultCorpus
import VaultIngest
@testable import VaultServer

/// A daemon in process over temporary stores: `prompts` (the sample corpus in the PromptVault
/// schema) and `folders` (the same prompts converted to the folder-layout schema), each with its
/// change log, indexed by ``buildApplication(_:logger:)`` as `vaultsearch serve` does. Requests go
/// through the router without sockets (HummingbirdTesting).
final class ServerFixture: Sendable {
    let directory: URL
    let daemon: VaultDaemon
    var promptStore: String { directory.appendingPathComponent("prompts.sqlite").path }
    var folderStore: String { directory.appendingPathComponent("folders.sqlite").path }

    init(configure: (inout ServerConfiguration) -> Void = { _ in }) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("vs-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.createStores(in: directory)
        var configuration = ServerConfiguration()
        configuration.socket = nil
        configuration.dataDirectory = directory.path
        configuration.searchThreads = 2
        configuration.indexes = [
            IndexDefinition(uid: "prompts", mapping: "promptvault", store: directory.appendingPathComponent("prompts.sqlite").path, path: directory.appendingPathComponent("prompts.index").path),
            IndexDefinition(uid: "folders", mapping: "folder-layout", store: directory.appendingPathComponent("folders.sqlite").path, path: directory.appendingPathComponent("folders.index").path),
        ]
        configure(&configuration)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        daemon = try await buildApplication(configuration, logger: logger)
    }

    /// Writes both stores with their change logs (synchronously: in async code GRDB would pick its async API).
    static func createStores(in directory: URL) throws {
        let sample = try SampleStore(folder: Self.corpusFolder, now: 1_760_000_000)
        let contents = sample.contents(seed: 42)
        let prompts = try StoreConnection.create(directory.appendingPathComponent("prompts.sqlite").path)
        try PromptVaultSchema.migrate(prompts)
        _ = try StoreLoader().load(contents, into: prompts)
        try prompts.write { db in try ChangeLog.install(try SourceConfiguration.promptVault(), in: db) }
        let folders = try StoreConnection.create(directory.appendingPathComponent("folders.sqlite").path)
        try FolderLayoutSchema.migrate(folders)
        try FolderLayoutConverter().convert(contents, into: folders)
        try folders.write { db in try ChangeLog.install(try SourceConfiguration.folderLayout(), in: db) }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The sample corpus of the source tree.
    static var corpusFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus/PromptVault")
    }

    /// Runs `body` with a client of the router.
    func withClient(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(responder: daemon.responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.router) { client in try await body(client) }
    }
}

/// A response as a test reads it.
struct JSONResponse: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String
    let json: JSONValue?

    subscript(_ key: String) -> JSONValue? {
        guard case .object(let object)? = json else { return nil }
        return object[key]
    }
}

extension TestClientProtocol {
    /// Sends a request (a JSON body when given) and parses the response body.
    func call(_ method: HTTPRequest.Method, _ uri: String, json body: String? = nil, headers: HTTPFields = [:]) async throws -> JSONResponse {
        var fields = headers
        if body != nil { fields[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) }) { response in
            let text = String(buffer: response.body)
            return JSONResponse(status: response.status, headers: response.headers, text: text, json: try? JSONValue.parse(Array(text.utf8)))
        }
    }
}

extension JSONValue {
    /// The array's elements (empty for anything else).
    var elements: [JSONValue] { if case .array(let list) = self { list } else { [] } }
    /// A member of an object.
    subscript(_ key: String) -> JSONValue? { if case .object(let object) = self { object[key] } else { nil } }
    /// The integer value.
    var integerValue: Int64? { if case .integer(let n) = self { n } else { nil } }
    /// The string value.
    var stringValue: String? { if case .string(let s) = self { s } else { nil } }
}
