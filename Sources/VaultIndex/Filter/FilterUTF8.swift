/// Checks the bytes of a filter handed over as UTF-8.
enum FilterUTF8 {
    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence (an
    /// overlong form, a surrogate, a stray continuation byte, a sequence cut short), or `nil` when
    /// all of `bytes` is well-formed.
    static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
