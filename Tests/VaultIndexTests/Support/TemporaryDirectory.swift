import Foundation

/// A fresh directory path under the system temp folder (not created), removed by `cleanUp()`.
struct TemporaryDirectory {
    let path: String
    init() { path = NSTemporaryDirectory() + "vaultindex-" + UUID().uuidString }
    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}
