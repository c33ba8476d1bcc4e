#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The check of `data.mdb` made before LMDB opens it: both meta pages read with `pread` and
/// validated, and the file's length compared with the last page they name.
///
/// LMDB trusts its meta pages: a page size of 0 divides by zero inside `mdb_env_open`, and a file
/// shorter than its last page is mapped anyway, so the first read past the end is a SIGBUS. Both
/// happen before any error can be returned, hence this check, which needs nothing but the file.
enum DataFileCheck {
    /// Validates the data file of the environment in `directory`, when there is one.
    /// - Throws: ``StorageError/damaged(_:)`` naming what is wrong.
    static func validate(directory: String) throws(StorageError) {
        let descriptor = open(directory + "/data.mdb", O_RDONLY)
        guard descriptor >= 0 else { return }  // absent: LMDB creates it (or reports why it cannot)
        defer { close(descriptor) }
        // A writer may be rewriting a meta page this very moment: a torn read looks damaged, so
        // look again before saying so.
        var problems: [String] = []
        for attempt in 0..<3 {
            problems = Self.problems(descriptor, directory: directory)
            if problems.isEmpty { return }
            if attempt < 2 { usleep(20_000) }
        }
        throw .damaged(problems.joined(separator: "; "))
    }

    private static func problems(_ descriptor: Int32, directory: String) -> [String] {
        // The meta pages first, then the length: a writer grows the file before it writes a meta page.
        let meta0 = read(descriptor, page: 0, at: 0)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return ["cannot stat '\(directory)/data.mdb'"] }
        let size = Int(info.st_size)
        guard size > 0 else { return ["'\(directory)/data.mdb' is empty"] }
        guard let meta0 else { return ["'\(directory)/data.mdb' is not an LMDB file (\(size) bytes, shorter than a meta page)"] }
        guard meta0.hasMagic else {
            return ["'\(directory)' holds no LMDB environment: data.mdb is not an LMDB file (meta page 0 lacks LMDB's magic number)"]
        }
        var found = meta0.problems(fileSize: size)
        let pageSize = meta0.pageSize
        guard pageSize >= PageLayout.minimumPageSize, pageSize <= PageLayout.maximumPageSize else { return found.map(Self.inFile) }
        if let meta1 = read(descriptor, page: 1, at: pageSize) {
            found += meta1.problems(fileSize: size)
            if meta1.pageSize != pageSize && meta1.hasMagic { found.append("the meta pages record different page sizes (\(pageSize), \(meta1.pageSize))") }
            if found.isEmpty { found += MetaPage.pairProblems(meta0, meta1) }
        } else {
            found.append("data.mdb is truncated: it has \(size) bytes, shorter than its two meta pages")
        }
        return found.map(Self.inFile)
    }

    private static func inFile(_ problem: String) -> String { problem.hasPrefix("data.mdb") ? problem : "data.mdb " + problem }

    /// Meta page `page`, read from `offset`; nil past the end of the file.
    private static func read(_ descriptor: Int32, page: Int, at offset: Int) -> MetaPage? {
        var buffer = [UInt8](repeating: 0, count: PageLayout.metaEnd)
        let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, PageLayout.metaEnd, off_t(offset)) }
        guard got == PageLayout.metaEnd else { return nil }
        return buffer.withUnsafeBytes { MetaPage(number: page, RawBytes(raw: $0)) }
    }
}
