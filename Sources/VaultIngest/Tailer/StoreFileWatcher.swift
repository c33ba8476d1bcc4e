import Foundation

#if canImport(Glibc)
import Glibc

/// Sleeps until a file of the store (the database, its `-wal` or its `-journal`) is written, or a
/// timeout passes: inotify on the database's directory. A commit from any process writes one of
/// those files, so the tailer wakes within a scheduling delay of the commit and uses no CPU while
/// nothing happens. It is only a wake-up hint: `PRAGMA data_version` stays the judge of whether
/// the store changed, and the timeout keeps things moving where inotify says nothing (network
/// file systems).
final class StoreFileWatcher {
    private let descriptor: Int32
    private let names: Set<String>
    private var buffer = [UInt8](repeating: 0, count: 16 * 1024)

    /// Watches the files of the database at `path`; nil when inotify is unavailable.
    init?(databasePath path: String) {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let directory = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        guard inotify_add_watch(fd, directory, UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE)) >= 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
        names = [name, name + "-wal", name + "-journal"]
    }

    deinit { close(descriptor) }

    /// Waits up to `timeout` for a write to one of the store's files; true when one happened.
    func wait(timeout: Duration) -> Bool {
        if drain() { return true }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(1, min(timeout.components.seconds * 1_000 + timeout.components.attoseconds / 1_000_000_000_000_000, 60_000)))
        guard poll(&entry, 1, milliseconds) > 0 else { return false }
        return drain()
    }

    /// Reads every pending event; true when one names a store file.
    private func drain() -> Bool {
        var relevant = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return relevant }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
                while offset + 16 <= count {
                    let length = Int(bytes.load(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                    if names.contains(String(decoding: nameBytes, as: UTF8.self)) { relevant = true }
                    offset += 16 + length
                }
            }
        }
    }
}
#else
/// Without inotify the tailer polls `PRAGMA data_version` only.
final class StoreFileWatcher {
    init?(databasePath path: String) { return nil }
    func wait(timeout: Duration) -> Bool { false }
}
#endif
