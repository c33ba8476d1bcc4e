import Foundation

/// Where the `vaultsearch` executable under test lives.
///
/// SwiftPM builds it beside the test binary (the test target depends on it), in whatever scratch
/// path the build used; so look next to the running test binary first, then fall back to the
/// package's default `.build/debug`. `VAULTSEARCH_BINARY` overrides everything.
enum Binary {
    /// The package root: the nearest folder above this file that holds `Package.swift`.
    static let packageRoot: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// Every place looked at, in order.
    static let candidates: [URL] = {
        var folders: [URL] = []
        let running = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
        folders.append(running.deletingLastPathComponent())
        // macOS: the tests live in a `.xctest` bundle inside the build folder, run by Xcode's `xctest`.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        folders.append(packageRoot.appendingPathComponent(".build/debug"))
        var found = folders.map { $0.appendingPathComponent("vaultsearch") }
        if let override = ProcessInfo.processInfo.environment["VAULTSEARCH_BINARY"] {
            found.insert(URL(fileURLWithPath: override), at: 0)
        }
        return found
    }()

    /// The executable, or nil when none of ``candidates`` is one.
    static let executable: URL? = candidates.first { url in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }
}
