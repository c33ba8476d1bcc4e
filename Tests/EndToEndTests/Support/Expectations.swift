import Testing

/// Expects `result` to be a clean success (exit 0, no signal).
func expectSuccess(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.succeeded, "expected success, got \(result)", sourceLocation: sourceLocation)
}

/// Expects `result` to be a refusal, not a crash: a non-zero exit status (not a signal) and an
/// error on standard error that contains every one of `phrases`.
func expectFailure(_ result: CommandResult, mentioning phrases: String..., sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!result.crashed, "the command crashed: \(result)", sourceLocation: sourceLocation)
    #expect(result.status != 0, "expected a non-zero exit status, got \(result)", sourceLocation: sourceLocation)
    for phrase in phrases {
        #expect(result.stderr.contains(phrase), "stderr should mention \"\(phrase)\": \(result)", sourceLocation: sourceLocation)
    }
}
