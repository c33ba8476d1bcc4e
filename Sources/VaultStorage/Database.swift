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
    /// Whether every read checks the value's checksum (see ``ValueChecksum``): for databases read
    /// rarely and whole (documents, settings), where a damaged byte would otherwise go unnoticed.
    public let verifiesReads: Bool
}
