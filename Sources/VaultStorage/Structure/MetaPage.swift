/// One of the two meta pages at the start of `data.mdb`, decoded: the roots of the free-page tree
/// and of the main tree (which names the other databases), the last page in use and the id of the
/// transaction that wrote it. LMDB uses the one with the higher transaction id.
struct MetaPage {
    /// A tree's record: in a meta page (the free and main trees) or in the main tree (a named database).
    struct TreeRecord {
        var pad: UInt32
        var flags: UInt16
        var depth: UInt16
        var branchPages: UInt64
        var leafPages: UInt64
        var overflowPages: UInt64
        var entries: UInt64
        var root: UInt64

        init(_ bytes: RawBytes, at offset: Int) {
            pad = bytes.u32(offset)
            flags = bytes.u16(offset + 4)
            depth = bytes.u16(offset + 6)
            branchPages = bytes.u64(offset + 8)
            leafPages = bytes.u64(offset + 16)
            overflowPages = bytes.u64(offset + 24)
            entries = bytes.u64(offset + 32)
            root = bytes.u64(offset + 40)
        }
    }

    let number: Int
    let flags: UInt16
    let magic: UInt32
    let version: UInt32
    let mapSize: UInt64
    let freeTree: TreeRecord
    let mainTree: TreeRecord
    let lastPage: UInt64
    let transaction: UInt64

    /// The page size this meta page records (`mm_psize`).
    var pageSize: Int { Int(freeTree.pad) }

    /// Decodes meta page `number` from `bytes`, which start at the page (at least ``PageLayout/metaEnd`` bytes).
    init(number: Int, _ bytes: RawBytes) {
        self.number = number
        flags = bytes.u16(10)
        magic = bytes.u32(PageLayout.metaMagic)
        version = bytes.u32(PageLayout.metaVersion)
        mapSize = bytes.u64(PageLayout.metaMapSize)
        freeTree = TreeRecord(bytes, at: PageLayout.metaFreeDB)
        mainTree = TreeRecord(bytes, at: PageLayout.metaMainDB)
        lastPage = bytes.u64(PageLayout.metaLastPage)
        transaction = bytes.u64(PageLayout.metaTransaction)
    }

    /// The free-page tree's flags: `MDB_INTEGERKEY` (LMDB also keeps the environment's persistent
    /// flags there, none of which this build sets).
    static let freeTreeFlags: UInt16 = 0x08

    /// What is wrong with the pair of meta pages: LMDB writes transaction t to page t mod 2, so
    /// the two ids are consecutive (or both 0 in a new file). Another pair means one was damaged,
    /// possibly into a rollback that every other check would accept.
    static func pairProblems(_ first: MetaPage, _ second: MetaPage) -> [String] {
        let (a, b) = (first.transaction, second.transaction)
        if a == 0 && b == 0 { return [] }
        if max(a, b) - min(a, b) == 1 { return [] }
        return ["the meta pages record transactions \(a) and \(b), which are not consecutive"]
    }

    /// Whether the page carries LMDB's magic number (false: the file is not an LMDB file at all).
    var hasMagic: Bool { magic == PageLayout.magic }

    /// What is wrong with this meta page in a data file of `fileSize` bytes (empty when nothing is).
    func problems(fileSize: Int) -> [String] {
        var found: [String] = []
        let name = "meta page \(number)"
        if flags != PageLayout.meta { found.append("\(name) has page flags 0x\(String(flags, radix: 16)), not a meta page's") }
        if !hasMagic { found.append("\(name) lacks LMDB's magic number") }
        if version != PageLayout.dataVersion { found.append("\(name) has LMDB data version \(version), this LMDB writes \(PageLayout.dataVersion)") }
        let size = pageSize
        guard size >= PageLayout.minimumPageSize, size <= PageLayout.maximumPageSize, size & (size - 1) == 0 else {
            found.append("\(name) records a page size of \(size) bytes")
            return found
        }
        if lastPage < 1 || lastPage > UInt64(Int.max / size) - 1 {
            found.append("\(name) records \(lastPage) as the last page")
            return found
        }
        let needed = (Int(lastPage) + 1) * size
        if needed > fileSize {
            found.append("data.mdb is truncated: it has \(fileSize) bytes, \(name) needs \(needed) (pages 0–\(lastPage) of \(size) bytes)")
        }
        for (label, tree) in [("free-page tree", freeTree), ("main tree", mainTree)] {
            if tree.root == PageLayout.noPage { continue }
            if tree.root < 2 || tree.root > lastPage { found.append("\(name): the \(label) has root page \(tree.root), outside pages 2–\(lastPage)") }
            if tree.depth == 0 || Int(tree.depth) > PageLayout.maximumDepth { found.append("\(name): the \(label) has depth \(tree.depth)") }
        }
        if freeTree.flags != Self.freeTreeFlags { found.append("\(name): the free-page tree has flags 0x\(String(freeTree.flags, radix: 16))") }
        if mainTree.flags != 0 { found.append("\(name): the main tree has flags 0x\(String(mainTree.flags, radix: 16))") }
        if transaction != 0 && transaction % 2 != UInt64(number) {
            found.append("\(name) records transaction \(transaction), which LMDB writes to meta page \(transaction % 2)")
        }
        if mapSize < UInt64(needed) { found.append("\(name) records a map size of \(mapSize) bytes") }
        return found
    }
}
