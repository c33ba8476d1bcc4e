import Foundation

/// A one-line progress bar on standard error with a rate and an ETA, redrawn at most 10 times a
/// second; silent when standard error is not a terminal, except for a final summary line.
struct ProgressBar {
    private let label: String
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private let interactive = isatty(STDERR_FILENO) != 0

    init(label: String) { self.label = label }

    /// Shows `done` of `total` (any unit, e.g. bytes) and `items` processed (e.g. documents).
    mutating func update(done: UInt64, total: UInt64, items: Int, unit: String) {
        guard interactive, ContinuousClock.now - lastDraw > .milliseconds(100) else { return }
        lastDraw = ContinuousClock.now
        let elapsed = max((ContinuousClock.now - start).seconds, 1e-6)
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = Double(items) / elapsed
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let line = String(format: "\r%@ %@ %3.0f%% %d %@ (%.0f/s, ETA %.0fs)  ", label, bar, fraction * 100, items, unit, rate, eta)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Ends the bar with a summary line.
    func finish(items: Int, unit: String) {
        let elapsed = (ContinuousClock.now - start).seconds
        let line = String(format: "%@%@ %d %@ in %.2fs (%.0f/s)\n", interactive ? "\r" : "", label, items, unit, elapsed, Double(items) / max(elapsed, 1e-6))
        FileHandle.standardError.write(Data(line.utf8))
    }
}
