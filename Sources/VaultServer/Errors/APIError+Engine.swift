import VaultIndex
import VaultStorage

extension APIError {
    /// The one table from engine errors to API errors: bad input is a 400 with the parameter's
    /// code; a damaged index or a storage failure is the server's fault (500, logged).
    init(engine error: IndexError, parameter fallback: String? = nil, codePrefix: String = "invalid_search_") {
        switch error {
        case .invalidFilter(let fault):
            self.init(.badRequest, code: codePrefix + "filter",
                      message: "\(fault.message) (at character \(fault.range.lowerBound) of the filter)")
        case .invalidSearch(let parameter, let message):
            self.init(.badRequest, code: codePrefix + parameter.snakeCased, message: "Invalid value at `.\(parameter)`: \(message)")
        case .invalidQuery(let message):
            self.init(.badRequest, code: codePrefix + "q", message: "Invalid value at `.q`: \(message)")
        case .invalidDocument(let message), .invalidSettings(let message):
            self.init(.badRequest, code: fallback.map { codePrefix + $0.snakeCased } ?? "bad_request", message: message)
        case .storage(.readersFull):
            // Load, not damage: every LMDB reader slot is taken. Retrying later succeeds.
            self.init(.serviceUnavailable, code: "too_many_readers", type: "system",
                      message: "Too many requests are reading the index at once. Retry later.")
        case .notAnIndex, .formatVersionMismatch, .corrupt, .storage:
            self = .internal("The index cannot be read: \(error.description)")
        }
    }

    /// A filter that does not parse: the message names the position and shows it with a caret.
    init(filterSyntax error: FilterSyntaxError, code: String) {
        let element = error.elementPath.isEmpty ? "" : " in element \(error.elementPath.map(String.init).joined(separator: "."))"
        self.init(.badRequest, code: code,
                  message: "\(error.message) at character \(error.position)\(element) of the filter.\n\(error.rendered)")
    }
}
