// The LMDB C API, as Debian's liblmdb-dev installs it. Nothing else: every integer macro LMDB
// defines (MDB_CREATE, MDB_NOTFOUND, ...) imports into Swift as a constant.
#include <lmdb.h>
