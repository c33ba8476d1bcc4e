/// A ranking-quality measure, computed exactly as trec_eval 9.x computes it.
///
/// Every measure takes a cutoff `k ≥ 1` and looks only at the first `k` documents in trec_eval's
/// order (see ``TrecOrdering``). "Relevant" means grade ≥ 1.
///
/// | case | trec_eval | per query |
/// | --- | --- | --- |
/// | `ndcg(k)` | `ndcg_cut.k` | Σ gain/log2(rank+1) over the top k ÷ the same for the ideal order of the qrels' grades |
/// | `reciprocalRank(k)` | `recip_rank` on the run cut at k | 1/rank of the first relevant document within k, else 0 |
/// | `map(k)` | `map_cut.k` | Σ precision at each relevant rank ≤ k ÷ *all* relevant documents of the query |
/// | `recall(k)` | `recall.k` | relevant in the top k ÷ all relevant documents of the query |
/// | `precision(k)` | `P.k` | relevant in the top k ÷ k (always k, even when fewer were retrieved) |
public enum EvalMeasure: Sendable, Hashable, CustomStringConvertible {
    /// nDCG cut at `k` (trec_eval `ndcg_cut.k`): gains are the qrels' grades.
    case ndcg(Int)
    /// Reciprocal rank of the first relevant document within the top `k` (MRR@k once averaged).
    case reciprocalRank(Int)
    /// Average precision cut at `k` (trec_eval `map_cut.k`).
    case map(Int)
    /// Recall at `k` (trec_eval `recall.k`).
    case recall(Int)
    /// Precision at `k` (trec_eval `P.k`).
    case precision(Int)

    /// The cutoff `k`.
    public var cutoff: Int {
        switch self {
        case .ndcg(let k), .reciprocalRank(let k), .map(let k), .recall(let k), .precision(let k): return k
        }
    }

    /// The name trec_eval prints for this measure (`ndcg_cut_10`, `map_cut_100`, `recall_100`,
    /// `P_10`); trec_eval has no cut reciprocal rank, so that one is named `recip_rank@k`.
    public var trecName: String {
        switch self {
        case .ndcg(let k): return "ndcg_cut_\(k)"
        case .reciprocalRank(let k): return "recip_rank@\(k)"
        case .map(let k): return "map_cut_\(k)"
        case .recall(let k): return "recall_\(k)"
        case .precision(let k): return "P_\(k)"
        }
    }

    /// The usual short name: `nDCG@10`, `MRR@10`, `MAP@100`, `Recall@100`, `P@10`.
    public var description: String {
        switch self {
        case .ndcg(let k): return "nDCG@\(k)"
        case .reciprocalRank(let k): return "MRR@\(k)"
        case .map(let k): return "MAP@\(k)"
        case .recall(let k): return "Recall@\(k)"
        case .precision(let k): return "P@\(k)"
        }
    }

    /// Parses a measure name, or returns `nil` when it is not one.
    ///
    /// Accepts trec_eval's spellings with `.` or `_` before the cutoff (`ndcg_cut.10`,
    /// `map_cut_100`, `recall.100`, `P_10`), `recip_rank@10`, and the short names of
    /// ``description`` in any case (`ndcg@10`, `mrr@10`, `map@100`, `recall@100`, `p@10`).
    /// The cutoff must be a positive integer.
    public init?(name: String) {
        let separators: Set<Character> = [".", "_", "@"]
        guard let split = name.lastIndex(where: { separators.contains($0) }),
              let k = Int(name[name.index(after: split)...]), k > 0
        else { return nil }
        switch name[..<split].lowercased() {
        case "ndcg_cut", "ndcg": self = .ndcg(k)
        case "recip_rank", "mrr", "rr": self = .reciprocalRank(k)
        case "map_cut", "map": self = .map(k)
        case "recall": self = .recall(k)
        case "p", "precision": self = .precision(k)
        default: return nil
        }
    }
}
