import Testing
@testable import VaultServer

/// The request-body parser: strict JSON, valid UTF-8, bounded nesting.
@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(Array(#"{"a":[1,-2.5,"x\u00e9\ud83d\ude00",true,false,null],"b":{}}"#.utf8))
        guard case .object(let object) = value, case .array(let list)? = object["a"] else { Issue.record("not an object"); return }
        #expect(list == [.integer(1), .number(-2.5), .string("xé😀"), .bool(true), .bool(false), .null])
        #expect(object["b"] == .object(JSONObject()))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "\"\\ud800\"", "tru", "{} {}", "\"a\u{01}\"", "[" + String(repeating: "[", count: 200),
    ])
    func refusesMalformedInput(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) }  // an encoded surrogate
    }

    @Test func writerRoundTrips() throws {
        let value = JSONValue.object(JSONObject([("k\"ey", .string("line\nbreak\u{01}")), ("n", .number(0.1)), ("i", .integer(-7))]))
        var writer = JSONWriter()
        writer.write(value)
        #expect(try JSONValue.parse(writer.bytes) == value)
    }
}
