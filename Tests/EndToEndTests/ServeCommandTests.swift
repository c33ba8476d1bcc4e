import Foundation
import GRDB
import Testing

/// `vaultsearch serve` end to end, as a real process. Properties checked:
/// 1. The same API answers on TCP and on the Unix socket (mode 0660), byte for byte.
/// 2. A prompt committed to the store by another process becomes searchable through the daemon's
///    own tailer (no restart).
/// 3. SIGTERM: both listeners stop, the process logs "stopped" and exits 0.
/// 4. Bad configuration (a port that is not a number, a missing store) exits non-zero with a clear message.
@Suite struct ServeCommandTests {
    /// A TCP port on loopback that nothing listens on now (bind to 0, read it, release it).
    static func freePort() throws -> Int {
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(probe) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(probe, $0, length) } }
        try #require(bound == 0)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(probe, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs curl (from Debian, installed by the test command's deps) and returns its stdout.
    static func curl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "--max-time", "5"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func servesBothListenersFollowsTheStoreAndStopsOnSIGTERM() async throws {
        let workspace = try Workspace()
        try await expectSuccessOf(await workspace.vaultsearch("demo", "--no-serve"))
        let port = try Self.freePort()
        let socket = workspace.url("data/vs.sock").path
        let process = Process()
        process.executableURL = try #require(Binary.executable)
        process.arguments = ["serve", "--http", "127.0.0.1:\(port)", "--socket", socket, "--log-level", "notice"]
        process.currentDirectoryURL = workspace.directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var healthy = false
        for _ in 0..<200 where !healthy {
            healthy = (try? Self.curl(["http://127.0.0.1:\(port)/health"]))?.contains("available") == true
            if !healthy { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(healthy, "the daemon did not answer /health within 10 s")
        let body = #"{"q":"python debugging","limit":3,"attributesToRetrieve":["id","title"]}"#
        let overTCP = try Self.curl(["-X", "POST", "-H", "Content-Type: application/json", "-d", body, "http://127.0.0.1:\(port)/indexes/prompts/search"])
        let overSocket = try Self.curl(["--unix-socket", socket, "-X", "POST", "-H", "Content-Type: application/json", "-d", body, "http://localhost/indexes/prompts/search"])
        func withoutTiming(_ text: String) -> String { text.replacingOccurrences(of: #""processingTimeMs":\d+"#, with: "", options: .regularExpression) }
        #expect(overTCP.contains("\"hits\":[{"))
        #expect(withoutTiming(overTCP) == withoutTiming(overSocket))
        let mode = try FileManager.default.attributesOfItem(atPath: socket)[.posixPermissions] as? Int
        #expect(mode == 0o660)

        // A prompt written by another process (here: this test, through SQLite) shows up.
        let store = workspace.url("data/promptvault.sqlite")
        try IngestCommandTests.execute(store, """
            INSERT INTO prompts(slug, title, content, author_id, created_at, updated_at)
            VALUES ('fresh-one', 'Quokkafeed onboarding checklist', 'steps', (SELECT min(id) FROM users), 1, 1)
            """)
        var found = false
        for _ in 0..<100 where !found {
            found = try Self.curl(["http://127.0.0.1:\(port)/indexes/prompts/search?q=quokkafeed"]).contains("Quokkafeed onboarding")
            if !found { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(found, "the committed prompt was not searchable within 5 s")

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(log)")
        #expect(log.contains("stopped"), "\(log)")
        #expect((try? Self.curl(["http://127.0.0.1:\(port)/health"])) == "", "TCP still answers after exit")
    }

    @Test func badConfigurationIsRefused() async throws {
        let workspace = try Workspace()
        try await expectFailureOf(await workspace.vaultsearch("serve", "--http", "127.0.0.1:notaport"), mentioning: "host:port")
        try await expectFailureOf(await workspace.vaultsearch("serve", "--index", "prompts:promptvault:missing.sqlite"), mentioning: "missing.sqlite")
        try await expectFailureOf(await workspace.vaultsearch("serve", "--index", "bad uid:promptvault:x.sqlite"), mentioning: "UID:MAPPING:STORE")
        #expect(!workspace.exists("data"), "nothing was created")
    }
}
