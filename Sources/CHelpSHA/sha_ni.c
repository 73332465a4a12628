#include "CHelpSHA.h"
int help_sha_ni_available(void) { return 0; }
void help_sha256_ni_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) { (void)state; (void)data; (void)blocks; }
