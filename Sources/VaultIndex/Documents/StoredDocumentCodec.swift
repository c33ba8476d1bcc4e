/// The byte layout of a stored document in the `docs` database:
///
/// ```
/// id: varint length + UTF-8 | field count: varint |
/// per field (sorted by name): name (varint length + UTF-8) | tag: 1 byte | payload
///   tag 0 string: varint length + UTF-8;  tag 1 strings: varint count + strings;
///   tag 2 number: 8 bytes IEEE big-endian; tag 3 bool: 1 byte
/// ```
enum StoredDocumentCodec {
    static func encode(_ document: Document) -> [UInt8] {
        var writer = ByteWriter(capacity: 256)
        writer.string(document.id)
        writer.varint(document.fields.count)
        for name in document.fields.keys.sorted() {
            writer.string(name)
            switch document.fields[name]! {
            case .string(let text):
                writer.bytes.append(0)
                writer.string(text)
            case .strings(let texts):
                writer.bytes.append(1)
                writer.varint(texts.count)
                for text in texts { writer.string(text) }
            case .number(let value):
                writer.bytes.append(2)
                writer.double(value)
            case .bool(let flag):
                writer.bytes.append(3)
                writer.bytes.append(flag ? 1 : 0)
            }
        }
        return writer.bytes
    }

    static func decode(_ buffer: UnsafeRawBufferPointer) throws(IndexError) -> Document {
        var reader = ByteReader(buffer)
        let id = reader.string()
        let count = Int(reader.varint())
        var fields: [String: FieldValue] = [:]
        for _ in 0..<min(count, reader.remaining) {
            let name = reader.string()
            guard !reader.isAtEnd else { throw .corrupt("stored document '\(id)'") }
            let tag = reader.buffer[reader.offset]
            reader.offset += 1
            switch tag {
            case 0: fields[name] = .string(reader.string())
            case 1:
                let n = Int(reader.varint())
                var texts: [String] = []
                for _ in 0..<min(n, reader.remaining) { texts.append(reader.string()) }
                if texts.count != n { throw .corrupt("stored document '\(id)': field '\(name)' claims \(n) strings") }
                fields[name] = .strings(texts)
            case 2: fields[name] = .number(reader.double())
            case 3:
                guard !reader.isAtEnd else { throw .corrupt("stored document '\(id)'") }
                fields[name] = .bool(reader.buffer[reader.offset] != 0)
                reader.offset += 1
            default: throw .corrupt("stored document '\(id)': unknown field tag \(tag)")
            }
        }
        if reader.failed || fields.count != count || !reader.isAtEnd { throw .corrupt("stored document '\(id)' does not decode") }
        return Document(id: id, fields: fields)
    }

    /// Only the external id, without decoding the fields (for result lists).
    static func decodeID(_ buffer: UnsafeRawBufferPointer) throws(IndexError) -> String {
        var reader = ByteReader(buffer)
        let id = reader.string()
        if reader.failed { throw .corrupt("the stored document's id runs past its end") }
        return id
    }
}
