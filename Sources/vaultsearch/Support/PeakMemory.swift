import Foundation

/// The process's peak resident set size so far, in MiB (Linux reports `ru_maxrss` in KiB).
func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
