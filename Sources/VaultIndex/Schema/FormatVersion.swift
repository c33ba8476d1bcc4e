/// The on-disk format version of an index, stored in `meta` and checked on open. Bump it whenever a
/// byte layout in ``IndexDatabases`` changes; an index of another version gets a clear error.
public enum FormatVersion {
    /// The version this build writes and reads.
    /// Version 2 added the `prefixes` database (search-as-you-type).
    /// Version 3 added the columns (`fieldids`, `facetvalues`, `facetsets`, `numbers`).
    /// Version 4 appended a CRC-32C of key and value to every value (VaultStorage's `ValueChecksum`).
    public static let current: UInt32 = 4
}
