/// One seeded way of damaging a copy of `data.mdb`: bytes changed at random offsets, or the file
/// cut short.
struct DataFileDamage: CustomStringConvertible, Sendable {
    enum Kind: Sendable {
        /// Each byte at `offset` XOR-ed with a nonzero `mask`.
        case flips([(offset: Int, mask: UInt8)])
        /// The file cut to `length` bytes.
        case truncation(length: Int)
    }

    let kind: Kind
    /// The page size of the file, for describing offsets.
    let pageSize: Int

    /// A damage for a file of `size` bytes: a truncation one time in eight, else 1–16 changed bytes.
    static func draw(fileSize size: Int, pageSize: Int, using rng: inout TrialRandom) -> DataFileDamage {
        if rng.below(8) == 0 { return DataFileDamage(kind: .truncation(length: rng.below(size)), pageSize: pageSize) }
        let count = [1, 1, 1, 2, 4, 16][rng.below(6)]
        let flips = (0..<count).map { _ in (offset: rng.below(size), mask: UInt8(1 + rng.below(255))) }
        return DataFileDamage(kind: .flips(flips), pageSize: pageSize)
    }

    var isTruncation: Bool { if case .truncation = kind { return true } else { return false } }

    /// `bytes` damaged.
    func apply(to bytes: [UInt8]) -> [UInt8] {
        switch kind {
        case .truncation(let length): return Array(bytes.prefix(length))
        case .flips(let flips):
            var damaged = bytes
            for flip in flips { damaged[flip.offset] ^= flip.mask }
            return damaged
        }
    }

    var description: String {
        switch kind {
        case .truncation(let length): return "cut to \(length) bytes"
        case .flips(let flips):
            return "changed " + flips.map { "page \($0.offset / pageSize) byte \($0.offset % pageSize) ^0x\(String($0.mask, radix: 16))" }.joined(separator: ", ")
        }
    }
}

/// SplitMix64: a small seeded generator (the test target does not link VaultCorpus's).
struct TrialRandom: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
