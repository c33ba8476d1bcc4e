import Foundation

/// Building an index beside its target and swapping it in, shared by every full build (BEIR
/// corpora, store rebuilds): searches never see a half-built index, and a failed build leaves the
/// previous index in place.
public enum IndexDirectory {
    /// A target that cannot be replaced, or a swap that failed.
    public struct Failure: Error, CustomStringConvertible {
        /// The path at fault.
        public var path: String
        /// What is wrong.
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// The target path without trailing slashes, after checking that replacing it loses nothing
    /// but an index: it must be absent, an empty directory, or a directory holding an index, and its
    /// parent must exist.
    public static func checkTarget(_ target: String) throws(Failure) -> String {
        var directory = target
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        let manager = FileManager.default
        let parent = (directory as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !parent.isEmpty && !(manager.fileExists(atPath: parent, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw Failure(path: target, message: "the parent directory '\(parent)' does not exist")
        }
        if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Failure(path: target, message: "exists and is not a directory; refusing to replace it with an index")
            }
            let contents = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
            if !contents.isEmpty && !contents.contains("data.mdb") {
                throw Failure(path: target, message: "exists, is not empty and holds no index; refusing to replace it")
            }
        }
        return directory
    }

    /// The staging directory a build of `directory` writes into.
    public static func staging(for directory: String) -> String { directory + ".building" }

    /// Moves `staging` to `directory`, setting any old index aside under a fresh name first and
    /// removing it only once the new one is in place. (Each step is a `rename(2)`; a process that has
    /// the old index open keeps reading it until it reopens `directory`.)
    public static func replace(_ directory: String, with staging: String) throws(Failure) {
        let manager = FileManager.default
        var old: String?
        do {
            if manager.fileExists(atPath: directory) {
                let aside = directory + ".old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
                try manager.moveItem(atPath: directory, toPath: aside)
                old = aside
            }
            try manager.moveItem(atPath: staging, toPath: directory)
        } catch {
            if let old, !manager.fileExists(atPath: directory) { try? manager.moveItem(atPath: old, toPath: directory) }
            throw Failure(path: directory, message: "cannot move the new index into place: \(error.localizedDescription)")
        }
        if let old { try? manager.removeItem(atPath: old) }
    }
}
