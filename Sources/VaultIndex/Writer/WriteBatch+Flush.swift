import VaultStorage

extension WriteBatch {
    /// Writes every touched term's blocks and dictionary entry, then the statistics.
    ///
    /// Per term: removed docs are taken out of the blocks that hold them (found by binary search on
    /// the skip table; an emptied block is deleted, so space is reused at once); appended postings
    /// (always above every existing doc number) fill the last block up to ``BlockCodec/blockSize``
    /// and then open new blocks. A term left with no postings leaves the dictionary. Last, the prefix
    /// table gets the net document frequency change of every term whose df changed.
    mutating func finish() throws {
        var dfChanges: [(term: [UInt8], documentFrequency: UInt32)] = []
        for id in states.keys.sorted() {
            guard var state = states[id] else { continue }
            if !state.removed.isEmpty { try removePostings(&state) }
            if !state.appended.isEmpty { try appendPostings(&state) }
            let termKey = Array(state.term.utf8)
            if state.info.blocks.isEmpty {
                try txn.delete(db.terms, key: termKey)
                try txn.delete(db.termIDs, key: KeyCodec.encode(id))
            } else {
                try txn.put(db.terms, key: termKey, value: state.info.encoded())
            }
            let df = state.info.blocks.isEmpty ? 0 : state.info.documentFrequency
            if df != state.originalDocumentFrequency { dfChanges.append((termKey, df)) }
        }
        try PrefixTable.apply(changes: dfChanges, transaction: txn, databases: db)
        try columns.flush(txn, db)
        try txn.put(db.meta, key: MetaKey.statistics, value: statistics.encoded())
    }

    private func loadBlock(term: UInt32, block: UInt32) throws -> PostingsChunk {
        let key = IndexDatabases.blockKey(term: term, block: block)
        guard let postings = try txn.get(db.postings, key: key) else {
            throw IndexError.damaged(db.postings, key: key, "postings block \(block) of term \(term) is missing")
        }
        let bounds = DecodeBounds(fieldCount: settings.searchableFields.count, docCapacity: statistics.nextDocNumber)
        var chunk: PostingsChunk
        do { chunk = try BlockCodec.decode(postings: postings, positions: nil, bounds: bounds) } catch { throw error.at(db.postings, key: key) }
        guard let positions = try txn.get(db.positions, key: key) else {
            throw IndexError.damaged(db.positions, key: key, "the positions of postings block \(block) of term \(term) are missing")
        }
        do { try BlockCodec.decodePositions(positions, into: &chunk) } catch { throw error.at(db.positions, key: key) }
        return chunk
    }

    private func storeBlock(_ chunk: PostingsChunk, term: UInt32, block: UInt32) throws {
        let key = IndexDatabases.blockKey(term: term, block: block)
        try txn.put(db.postings, key: key, value: BlockCodec.encodePostings(chunk))
        try txn.put(db.positions, key: key, value: BlockCodec.encodePositions(chunk))
    }

    private func removePostings(_ state: inout TermState) throws {
        var byBlock: [Int: Set<UInt32>] = [:]
        for doc in state.removed {
            // The first block whose last doc is >= doc holds it.
            var low = 0, high = state.info.blocks.count
            while low < high {
                let mid = (low + high) / 2
                if state.info.blocks[mid].lastDoc < doc { low = mid + 1 } else { high = mid }
            }
            guard low < state.info.blocks.count else { throw IndexError.corrupt("doc \(doc) is missing from term '\(state.term)'") }
            byBlock[low, default: []].insert(doc)
        }
        var emptied: [Int] = []
        for (index, docs) in byBlock {
            let summary = state.info.blocks[index]
            var chunk = try loadBlock(term: state.info.termID, block: summary.block)
            let removed = chunk.remove(docs: docs)
            guard removed == docs.count, UInt32(removed) <= state.info.documentFrequency else {
                throw IndexError.damaged(db.postings, key: IndexDatabases.blockKey(term: state.info.termID, block: summary.block),
                                         "the postings of term '\(state.term)' lack a document its forward index names")
            }
            state.info.documentFrequency -= UInt32(removed)
            if chunk.isEmpty {
                let key = IndexDatabases.blockKey(term: state.info.termID, block: summary.block)
                try txn.delete(db.postings, key: key)
                try txn.delete(db.positions, key: key)
                emptied.append(index)
            } else {
                try storeBlock(chunk, term: state.info.termID, block: summary.block)
                state.info.blocks[index] = chunk.summary(block: summary.block)
            }
        }
        for index in emptied.sorted(by: >) { state.info.blocks.remove(at: index) }
    }

    private func appendPostings(_ state: inout TermState) throws {
        var pending = state.appended
        var reusableBlock: UInt32?
        if let last = state.info.blocks.last, Int(last.count) < BlockCodec.blockSize {
            var chunk = try loadBlock(term: state.info.termID, block: last.block)
            guard let lastDoc = chunk.docs.last, let firstNew = pending.docs.first, lastDoc < firstNew, last.count <= state.info.documentFrequency else {
                throw IndexError.damaged(db.postings, key: IndexDatabases.blockKey(term: state.info.termID, block: last.block),
                                         "the last block of term '\(state.term)' holds docs past the next doc number")
            }
            chunk.append(contentsOf: pending)
            pending = chunk
            state.info.documentFrequency -= last.count
            state.info.blocks.removeLast()
            reusableBlock = last.block  // the first piece overwrites the partial block
        }
        for piece in pending.split(size: BlockCodec.blockSize) {
            let block: UInt32
            if let reused = reusableBlock {
                block = reused
                reusableBlock = nil
            } else {
                block = state.info.nextBlockID
                guard block < UInt32.max else { throw IndexError.damaged(db.terms, key: Array(state.term.utf8), "the term ran out of block ids") }
                state.info.nextBlockID += 1
            }
            try storeBlock(piece, term: state.info.termID, block: block)
            state.info.blocks.append(piece.summary(block: block))
            state.info.documentFrequency += UInt32(piece.count)
        }
    }
}
