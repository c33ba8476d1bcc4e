import CLMDB

/// A handle to one named LMDB database inside an ``Environment``.
///
/// Handles are plain integers, valid for the life of the environment and usable from any
/// transaction of it, on any thread.
public struct Database: Sendable, Hashable {
    /// LMDB's database index.
    let dbi: MDB_dbi
    /// The database's name inside the environment, for error messages and `inspect`.
    public let name: String
}
