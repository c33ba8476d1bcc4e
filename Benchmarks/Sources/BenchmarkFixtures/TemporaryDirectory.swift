import Foundation

/// A new, uniquely named directory under the system's temporary directory, for the data a benchmark
/// builds in its setup; its teardown calls ``remove()``.
public struct TemporaryDirectory: Sendable {
    /// The directory's path.
    public let path: String

    /// Creates the directory `vaultsearch-bench-<label>-<pid>-<uuid>`.
    /// - Throws: the file system's error when it cannot be created.
    public init(label: String) throws {
        path = NSTemporaryDirectory() + "vaultsearch-bench-\(label)-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Deletes the directory and everything in it (nothing happens when it is already gone).
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
