/// The best `k` documents of a candidate set by sort keys read from numeric columns (or computed,
/// see ``ComputedSortFields``), with a bounded heap (O(n log k), never a full sort), and how ties on
/// the keys fall to relevance.
///
/// A document without a value for a key ranks after every document that has one, for that key, in
/// either direction (as Meilisearch places documents missing a sort field last).
struct SortSelection {
    typealias Key = [Double?]

    let keys: [SortKey]
    /// Per key: its numeric column, or nil (computed, or no document has the field).
    private var columns: [NumericColumnReader?]
    /// Per key: its computed values, or nil (a column).
    private let computed: [(any ComputedSortValues)?]

    init(keys: [SortKey], computed sources: ComputedSortFields = ComputedSortFields(), snapshot: IndexSnapshot) throws(IndexError) {
        self.keys = keys
        var columns: [NumericColumnReader?] = []
        var computed: [(any ComputedSortValues)?] = []
        for key in keys {
            if let source = sources.sources[key.field] {
                computed.append(try source.values(in: snapshot))
                columns.append(nil)
            } else {
                computed.append(nil)
                columns.append(try snapshot.numericColumn(key.field))
            }
        }
        self.columns = columns
        self.computed = computed
    }

    /// The value of `doc` for key `i`.
    @inline(__always)
    private mutating func value(_ i: Int, of doc: UInt32) throws(IndexError) -> Double? {
        if let values = computed[i] { return try values.value(of: doc) }
        if columns[i] == nil { return nil }
        return try columns[i]!.value(doc)
    }

    /// The sort values of `doc`.
    mutating func key(of doc: UInt32) throws(IndexError) -> Key {
        var key: Key = []
        key.reserveCapacity(keys.count)
        for i in keys.indices { key.append(try value(i, of: doc)) }
        return key
    }

    /// Orders two keys: negative when `a` ranks first, 0 when tied, positive when `b` does.
    func compare(_ a: Key, _ b: Key) -> Int {
        for (i, sortKey) in keys.enumerated() {
            switch (a[i], b[i]) {
            case (nil, nil): continue
            case (nil, _): return 1
            case (_, nil): return -1
            case let (x?, y?):
                if x == y { continue }
                return (x > y) == sortKey.descending ? -1 : 1
            }
        }
        return 0
    }

    /// The best `k` of `candidates` by key, ties by ascending doc number, best first.
    ///
    /// The first key's numeric blocks are visited best bound first (highest maximum for a
    /// descending key, lowest minimum for an ascending one); once the heap is full and a block's
    /// bound is strictly worse than the heap's worst first value, no later block can contribute and
    /// the scan stops. Candidates without a first value come last and are read only when the heap
    /// is not yet full. A newest-first page over a category reads a few blocks, not every candidate.
    mutating func top(_ k: Int, of candidates: DocSet, snapshot: IndexSnapshot) throws(IndexError) -> [(doc: UInt32, key: Key)] {
        guard k > 0, let first = keys.first else { return [] }
        if let values = computed[0] { return try topComputed(k, of: candidates, values: values) }
        var blocks: [(block: UInt32, bound: Double)] = []
        try snapshot.forEachNumericBlock(field: first.field) { block, view in
            blocks.append((block, first.descending ? view.maximum : view.minimum))
        }
        blocks.sort { first.descending ? $0.bound > $1.bound : $0.bound < $1.bound }
        var heap = makeHeap(k)
        var withValue = DocSet(capacity: candidates.capacity)
        for (block, bound) in blocks {
            if let worst = heap.worst, let value = worst.key[0], first.descending ? bound < value : bound > value { break }
            let base = Int(block) * NumericBlock.docs
            for w in 0..<(NumericBlock.docs / 64) {
                var bits = candidates.word(base / 64 + w)
                while bits != 0 {
                    let doc = UInt32(base + 64 * w + bits.trailingZeroBitCount)
                    bits &= bits - 1
                    guard let value = try value(0, of: doc) else { continue }  // no first value: ranked after, below
                    withValue.insert(doc)
                    if let worst = heap.worst, let worstValue = worst.key[0], value != worstValue, (value > worstValue) != first.descending { continue }
                    heap.offer((doc, try key(of: doc)))
                }
            }
        }
        if heap.worst == nil {
            // The heap has room (every block was read): candidates without a first value fill it.
            var rest = candidates
            rest.subtract(withValue)
            try rest.forEach { (doc) throws(IndexError) in heap.offer((doc, try key(of: doc))) }
        }
        return heap.sortedBestFirst()
    }

    /// ``top(_:of:snapshot:)`` when the first key is computed: from the source's best-first listing
    /// when it has one (stopping once a value is strictly worse than the full heap's worst), else by
    /// reading every candidate.
    private mutating func topComputed(_ k: Int, of candidates: DocSet, values: any ComputedSortValues) throws(IndexError) -> [(doc: UInt32, key: Key)] {
        let descending = keys[0].descending
        var heap = makeHeap(k)
        var withValue = DocSet(capacity: candidates.capacity)
        let listed = try values.forEachBestFirst(descending: descending) { (doc, value) throws(IndexError) -> Bool in
            if let worst = heap.worst, let worstValue = worst.key[0], value != worstValue, (value > worstValue) != descending { return false }
            guard candidates.contains(doc) else { return true }
            withValue.insert(doc)
            heap.offer((doc, try key(of: doc)))
            return true
        }
        if !listed {
            try candidates.forEach { (doc) throws(IndexError) in heap.offer((doc, try key(of: doc))) }
            return heap.sortedBestFirst()
        }
        if heap.worst == nil {
            var rest = candidates
            rest.subtract(withValue)
            try rest.forEach { (doc) throws(IndexError) in heap.offer((doc, try key(of: doc))) }
        }
        return heap.sortedBestFirst()
    }

    private func makeHeap(_ k: Int) -> BoundedHeap<(doc: UInt32, key: Key)> {
        BoundedHeap<(doc: UInt32, key: Key)>(capacity: k) { [self] a, b in
            let order = compare(a.key, b.key)
            return order > 0 || (order == 0 && a.doc > b.doc)
        }
    }

    /// Whether `doc`'s first sort value ranks strictly after `key`'s first value.
    @inline(__always)
    private mutating func firstKeyLoses(_ doc: UInt32, to key: Key) throws(IndexError) -> Bool {
        guard !keys.isEmpty else { return false }
        if computed[0] == nil && columns[0] == nil { return false }
        let value = try value(0, of: doc)
        switch (value, key[0]) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (x?, y?): return x == y ? false : (x > y) != keys[0].descending
        }
    }

    /// The members of `candidates` whose key equals `key`.
    mutating func tied(with key: Key, in candidates: DocSet) throws(IndexError) -> DocSet {
        var result = DocSet(capacity: candidates.capacity)
        try candidates.forEach { (doc) throws(IndexError) in
            if try firstKeyLoses(doc, to: key) { return }
            if compare(try self.key(of: doc), key) == 0 { result.insert(doc) }
        }
        return result
    }
}

/// A binary heap keeping the `capacity` best elements under a "ranks below" predicate; its root is
/// the worst kept element.
struct BoundedHeap<Element> {
    let capacity: Int
    private let worse: (Element, Element) -> Bool
    private(set) var elements: [Element] = []

    init(capacity: Int, worse: @escaping (Element, Element) -> Bool) {
        self.capacity = capacity
        self.worse = worse
        elements.reserveCapacity(min(capacity, 1 << 16))
    }

    /// The worst kept element once full.
    var worst: Element? { elements.count >= capacity ? elements.first : nil }

    mutating func offer(_ element: Element) {
        guard capacity > 0 else { return }
        if elements.count < capacity {
            elements.append(element)
            var child = elements.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard worse(elements[child], elements[parent]) else { break }
                elements.swapAt(child, parent)
                child = parent
            }
        } else if worse(elements[0], element) {
            elements[0] = element
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < elements.count && worse(elements[left], elements[smallest]) { smallest = left }
                if right < elements.count && worse(elements[right], elements[smallest]) { smallest = right }
                if smallest == parent { break }
                elements.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }

    func sortedBestFirst() -> [Element] { elements.sorted { worse($1, $0) } }
}
