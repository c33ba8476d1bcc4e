#ifndef VS_CRC32C_H
#define VS_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/// CRC-32C (Castagnoli) of `length` bytes at `data`, continuing from `crc` (0 to start), in
/// zlib's convention: vs_crc32c(vs_crc32c(0, a), b) is the CRC of a followed by b.
/// Uses the SSE 4.2 instruction when the CPU has it, else a table.
uint32_t vs_crc32c(uint32_t crc, const void *data, size_t length);

#endif
