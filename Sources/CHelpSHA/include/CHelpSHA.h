#ifndef CHELPSHA_H
#define CHELPSHA_H
#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA extensions (and SSE4.1) the accelerated SHA-256 path needs.
int help_sha_ni_available(void);

/// Processes `blocks` 64-byte blocks of `data` into `state` (8 words) with SHA-NI.
/// Only call when help_sha_ni_available() returned 1.
void help_sha256_ni_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
