// Placeholder header; replaced by the analysis work.
#include <stdint.h>
int32_t vs_icu_placeholder(void);
