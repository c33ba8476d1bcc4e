// Snowball stemmers (Debian's libstemmer-dev): sb_stemmer_new / sb_stemmer_stem / sb_stemmer_delete.
// libstemmer ships no pkg-config file, so the module map links "stemmer" by name.
#include <libstemmer.h>
