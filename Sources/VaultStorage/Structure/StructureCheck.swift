#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks every B-tree of one snapshot of `data.mdb` the way `mdb.c` lays them out, without LMDB,
/// and reports every page LMDB could not read safely.
///
/// LMDB trusts its pages: a node flag that says "duplicates" makes it follow a null pointer, a
/// node offset past the page end makes it read (or, writing, copy) outside the page, a page on
/// the free list that a tree still uses is overwritten by the next writer. So before LMDB walks a
/// file it may not trust, this walk checks, for the main tree, every named database it lists and
/// the free-page tree:
/// - each page number lies inside the file, belongs to one tree only, and its header names it;
/// - branch pages down to the recorded depth, then leaf pages; no other page flags;
/// - node offsets, key sizes and data sizes inside the page, the nodes tiling the space between
///   `upper` and the end of the page exactly; only the node flags this build writes;
/// - keys in strictly ascending order inside each page and within the bounds of the branch above;
/// - overflow runs inside the file, with the header and page count their value needs;
/// - page and entry counts equal to the tree's record; free-list records well formed, naming
///   pages no tree uses; and no page that is neither in a tree nor free.
/// It reads through LMDB's memory map, cut at the file's length (so it cannot fault), while a
/// read transaction pins the snapshot.
struct StructureCheck {
    /// What the leaves of a tree hold.
    private enum Kind {
        case main, free, named
    }

    /// A key's position in the file, or no bound.
    private struct Bound {
        var offset: Int
        var count: Int
    }

    private struct Frame {
        var page: UInt64
        var level: Int
        var low: Bound?
        var high: Bound?
    }

    private struct Tally {
        var branch: UInt64 = 0
        var leaf: UInt64 = 0
        var overflow: UInt64 = 0
        var entries: UInt64 = 0
    }

    private let file: RawBytes
    private let pageSize: Int
    private let lastPage: Int
    private let limit: Int
    private var inTree: [UInt64]
    private var onFreeList: [UInt64]
    /// Page numbers the free-list records name, checked once every tree is walked.
    private var freed: [(page: UInt64, record: String)] = []
    private(set) var faults: [String] = []
    /// The named databases the main tree lists.
    private(set) var databases: [String] = []

    /// A check of `file` (the data file's bytes) with `pageSize`-byte pages, stopping after `limit` faults.
    init(file: UnsafeRawBufferPointer, pageSize: Int, lastPage: Int, limit: Int) {
        self.file = RawBytes(raw: file)
        self.pageSize = pageSize
        self.lastPage = lastPage
        self.limit = limit
        inTree = [UInt64](repeating: 0, count: lastPage / 64 + 1)
        onFreeList = inTree
    }

    private var full: Bool { faults.count >= limit }

    private mutating func fault(_ text: String) {
        if !full { faults.append(text) }
    }

    /// Checks the trees of `meta` (the meta page of the pinned snapshot).
    mutating func run(meta: MetaPage) {
        walk(name: "main tree", meta.mainTree, kind: .main)
        var named: [(String, MetaPage.TreeRecord)] = []
        swap(&named, &pendingNamed)
        for (name, record) in named where !full {
            if record.flags != 0 { fault("database '\(name)' has flags 0x\(String(record.flags, radix: 16)); this build opens none with flags") }
            walk(name: "database '\(name)'", record, kind: .named)
        }
        walk(name: "free-page tree", meta.freeTree, kind: .free)
        for (page, record) in freed where !full {
            if page < 2 || page > UInt64(lastPage) {
                fault("free-list record \(record) names page \(page), outside pages 2–\(lastPage)")
            } else if isSet(inTree, Int(page)) {
                fault("free-list record \(record) names page \(page), which a tree uses")
            } else if isSet(onFreeList, Int(page)) {
                fault("page \(page) is on the free list twice")
            } else {
                set(&onFreeList, Int(page))
            }
        }
        guard faults.isEmpty else { return }
        var lost = 0, first = 0
        for page in 2...max(2, lastPage) where page <= lastPage && !isSet(inTree, page) && !isSet(onFreeList, page) {
            if lost == 0 { first = page }
            lost += 1
        }
        if lost > 0 { fault("\(lost) pages (the first is page \(first)) are neither in a tree nor on the free list") }
    }

    private var pendingNamed: [(String, MetaPage.TreeRecord)] = []

    // MARK: Trees

    private mutating func walk(name: String, _ record: MetaPage.TreeRecord, kind: Kind) {
        guard !full else { return }
        if record.root == PageLayout.noPage {
            if record.depth != 0 || record.entries != 0 || record.leafPages != 0 || record.branchPages != 0 || record.overflowPages != 0 {
                fault("\(name) is empty but records depth \(record.depth) and \(record.entries) entries")
            }
            return
        }
        let depth = Int(record.depth)
        guard depth >= 1, depth <= PageLayout.maximumDepth else {
            fault("\(name) records depth \(depth)")
            return
        }
        var tally = Tally()
        var stack = [Frame(page: record.root, level: 1, low: nil, high: nil)]
        while let frame = stack.popLast(), !full {
            visit(frame, depth: depth, tree: name, kind: kind, tally: &tally, stack: &stack)
        }
        guard !full else { return }
        let counted = [("branch pages", record.branchPages, tally.branch), ("leaf pages", record.leafPages, tally.leaf),
                       ("overflow pages", record.overflowPages, tally.overflow), ("entries", record.entries, tally.entries)]
        for (label, recorded, found) in counted where recorded != found {
            fault("\(name) records \(recorded) \(label), its pages hold \(found)")
        }
    }

    private mutating func visit(_ frame: Frame, depth: Int, tree: String, kind: Kind, tally: inout Tally, stack: inout [Frame]) {
        let pageNumber = frame.page
        guard pageNumber >= 2, pageNumber <= UInt64(lastPage) else {
            fault("\(tree): a branch points to page \(pageNumber), outside pages 2–\(lastPage)")
            return
        }
        let page = Int(pageNumber)
        guard claim(page) else {
            fault("\(tree): page \(page) is reached twice (a damaged branch, or a page shared with another tree)")
            return
        }
        let base = page * pageSize
        let isLeaf = frame.level == depth
        let where_ = "\(tree), page \(page)"
        let header = file.u64(base), flags = file.u16(base + 10)
        let lower = Int(file.u16(base + 12)), upper = Int(file.u16(base + 14))
        guard header == pageNumber else { return fault("\(where_): the page header names page \(header)") }
        guard flags == (isLeaf ? PageLayout.leaf : PageLayout.branch) else {
            return fault("\(where_): page flags 0x\(String(flags, radix: 16)) where a \(isLeaf ? "leaf" : "branch") page belongs (depth \(frame.level) of \(depth))")
        }
        guard lower >= PageLayout.headerSize, lower <= upper, upper <= pageSize, (lower - PageLayout.headerSize) % 2 == 0 else {
            return fault("\(where_): free space bounds \(lower)–\(upper) do not fit a \(pageSize)-byte page")
        }
        let count = (lower - PageLayout.headerSize) / 2
        guard count >= 1 else { return fault("\(where_): the page holds no node") }
        if isLeaf { tally.leaf += 1 } else { tally.branch += 1 }

        var used = 0
        var previous: Bound? = nil
        var children: [(UInt64, Bound?)] = []
        for i in 0..<count {
            let offset = Int(file.u16(base + PageLayout.headerSize + 2 * i))
            guard offset >= upper, offset % 2 == 0, offset + PageLayout.nodeHeaderSize <= pageSize else {
                return fault("\(where_): node \(i) at offset \(offset) lies outside the node area \(upper)–\(pageSize)")
            }
            let node = base + offset
            let lo = UInt64(file.u16(node)), hi = UInt64(file.u16(node + 2)), nodeFlags = file.u16(node + 4)
            let keySize = Int(file.u16(node + 6))
            let keyStart = offset + PageLayout.nodeHeaderSize
            guard keySize <= PageLayout.maximumKeySize, keyStart + keySize <= pageSize else {
                return fault("\(where_): node \(i) has a \(keySize)-byte key that does not fit")
            }
            let key = Bound(offset: base + keyStart, count: keySize)
            var size = PageLayout.nodeHeaderSize + keySize
            if isLeaf {
                guard let dataSize = leafData(node: i, flags: nodeFlags, size: Int(lo | hi << 16), key: key, dataAt: keyStart + keySize,
                                              base: base, where_: where_, kind: kind, tally: &tally)
                else { return }
                size += dataSize
                tally.entries += 1
            } else {
                children.append((lo | hi << 16 | UInt64(nodeFlags) << 32, i == 0 ? frame.low : key))
            }
            used += PageLayout.even(size)
            // Keys ascend, inside the bounds from above (a branch's first key is never read).
            if isLeaf || i > 0 {
                if kind == .free && keySize != 8 { return fault("\(where_): free-list key \(i) has \(keySize) bytes, not 8") }
                if let previous, compare(previous, key, integer: kind == .free) >= 0 { return fault("\(where_): key \(i) is not above key \(i - 1)") }
                if let low = frame.low, compare(low, key, integer: kind == .free) > 0 { return fault("\(where_): key \(i) is below the branch key above") }
                if let high = frame.high, compare(key, high, integer: kind == .free) >= 0 { return fault("\(where_): key \(i) is not below the next branch key above") }
                previous = key
            }
        }
        guard used == pageSize - upper else {
            return fault("\(where_): the nodes take \(used) bytes, the page reserves \(pageSize - upper) for them")
        }
        for (index, child) in children.enumerated().reversed() {
            let high = index + 1 < children.count ? children[index + 1].1 : frame.high
            stack.append(Frame(page: child.0, level: frame.level + 1, low: child.1, high: high))
        }
    }

    /// Checks the data of leaf node `node` (in the page or in an overflow run); returns the bytes
    /// it takes in the page, nil after a fault.
    private mutating func leafData(
        node: Int, flags: UInt16, size: Int, key: Bound, dataAt start: Int, base: Int, where_: String, kind: Kind, tally: inout Tally
    ) -> Int? {
        let allowed: Set<UInt16> = kind == .main ? [PageLayout.subData] : [0, PageLayout.bigData]
        guard allowed.contains(flags) else {
            fault("\(where_): node \(node) has flags 0x\(String(flags, radix: 16)), which this build never writes")
            return nil
        }
        var data = Bound(offset: base + start, count: size)
        var inPage = size
        if flags == PageLayout.bigData {
            guard start + 8 <= pageSize else {
                fault("\(where_): node \(node)'s overflow page number does not fit")
                return nil
            }
            let first = file.u64(base + start)
            guard let run = overflowRun(first, size: size, where_: "\(where_), node \(node)") else { return nil }
            tally.overflow += UInt64(run)
            data = Bound(offset: Int(first) * pageSize + PageLayout.headerSize, count: size)
            inPage = 8
        } else if start + size > pageSize {
            fault("\(where_): node \(node)'s \(size)-byte value runs past the end of the page")
            return nil
        }
        switch kind {
        case .main:
            guard size == PageLayout.dbRecordSize else {
                fault("\(where_): the record of a database has \(size) bytes, not \(PageLayout.dbRecordSize)")
                return nil
            }
            let name = String(decoding: file.slice(key.offset, key.count), as: UTF8.self)
            databases.append(name)
            pendingNamed.append((name, MetaPage.TreeRecord(file, at: data.offset)))
        case .free:
            let record = "\(file.u64(key.offset))"
            let listed = file.u64(data.offset)
            guard data.count >= 8, listed <= UInt64(data.count / 8 - 1) else {
                fault("\(where_): free-list record \(record) lists \(listed) pages in \(data.count) bytes")
                return nil
            }
            var last = UInt64.max
            for k in 0..<Int(listed) {
                let page = file.u64(data.offset + 8 * (k + 1))
                guard page < last else {
                    fault("\(where_): free-list record \(record) is not in descending order")
                    return nil
                }
                last = page
                freed.append((page, record))
            }
        case .named:
            break
        }
        return inPage
    }

    /// Claims the overflow run starting at `first` for a value of `size` bytes; its page count, nil after a fault.
    private mutating func overflowRun(_ first: UInt64, size: Int, where_: String) -> Int? {
        let needed = PageLayout.overflowPages(size: size, pageSize: pageSize)
        guard first >= 2, first <= UInt64(lastPage) else {
            fault("\(where_): the value's overflow page \(first) lies outside pages 2–\(lastPage)")
            return nil
        }
        let base = Int(first) * pageSize
        let pages = Int(file.u32(base + 12))
        guard file.u64(base) == first, file.u16(base + 10) == PageLayout.overflow else {
            fault("\(where_): page \(first) is not the overflow page the value names")
            return nil
        }
        guard pages >= needed, Int(first) + pages - 1 <= lastPage else {
            fault("\(where_): overflow page \(first) spans \(pages) pages, the \(size)-byte value needs \(needed) inside the file")
            return nil
        }
        for page in Int(first)..<(Int(first) + pages) where !claim(page) {
            fault("\(where_): overflow page \(page) is used twice")
            return nil
        }
        return pages
    }

    // MARK: Keys and page maps

    /// LMDB's order: bytes (then length) for the named databases and the main tree, native
    /// unsigned integers for the free-page tree.
    private func compare(_ a: Bound, _ b: Bound, integer: Bool) -> Int {
        if integer {
            let x = a.count == 8 ? file.u64(a.offset) : 0, y = b.count == 8 ? file.u64(b.offset) : 0
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        let common = min(a.count, b.count)
        if common > 0, let left = file.slice(a.offset, common).baseAddress, let right = file.slice(b.offset, common).baseAddress {
            let order = memcmp(left, right, common)
            if order != 0 { return order < 0 ? -1 : 1 }
        }
        return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
    }

    private mutating func claim(_ page: Int) -> Bool {
        guard page >= 0, page <= lastPage, !isSet(inTree, page) else { return false }
        set(&inTree, page)
        return true
    }

    private func isSet(_ bits: [UInt64], _ page: Int) -> Bool { bits[page >> 6] & (1 << UInt64(page & 63)) != 0 }
    private func set(_ bits: inout [UInt64], _ page: Int) { bits[page >> 6] |= 1 << UInt64(page & 63) }
}
