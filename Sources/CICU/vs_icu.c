#include "vs_icu.h"
int32_t vs_icu_placeholder(void) { return 0; }
