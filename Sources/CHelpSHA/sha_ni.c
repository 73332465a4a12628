// SHA-256 block function on the x86 SHA extensions (SHA-NI), and the CPU check that guards it.
//
// sha256rnds2 performs two rounds on a state split across two registers as (A,B,E,F) and
// (C,D,G,H), taking W+K for those two rounds from the low 64 bits of its third operand.
// sha256msg1 and sha256msg2 compute the sigma0 and sigma1 parts of the message schedule four
// words at a time. The functions carry their own target attribute, so the package needs no
// compiler flags and the rest of the program still runs on CPUs without these instructions.
#include "CHelpSHA.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

// MARK: - CPU detection

int help_sha_ni_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (__get_cpuid_max(0, 0) < 7) return 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    int sse41 = (ecx >> 19) & 1;
    int ssse3 = (ecx >> 9) & 1;
    __cpuid_count(7, 0, eax, ebx, ecx, edx);
    int sha = (ebx >> 29) & 1;
    return sha && sse41 && ssse3;
}

// MARK: - Rounds

static const uint32_t round_constants[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define HELP_SHA_TARGET __attribute__((target("sha,sse4.1,ssse3")))

// Four rounds: W+K for rounds 4g..4g+3 in `wk`; the high half feeds the second sha256rnds2.
#define FOUR_ROUNDS(abef, cdgh, wk)                                  \
    do {                                                             \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);                \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E)); \
    } while (0)

// W[4g..4g+3] from the four previous groups: w16 holds W[4g-16..], w12 W[4g-12..], w8 W[4g-8..],
// w4 W[4g-4..]. W[t-7] for the four lanes straddles w8 and w4, hence the byte alignment.
#define NEXT_WORDS(w16, w12, w8, w4) \
    _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(w16, w12), _mm_alignr_epi8(w4, w8, 4)), w4)

HELP_SHA_TARGET
void help_sha256_ni_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    // Message bytes are big-endian words; this shuffle swaps the bytes inside each 32-bit lane.
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    const __m128i *k = (const __m128i *)round_constants;

    // state[0..3] = A B C D, state[4..7] = E F G H (lane 0 first). Rearrange into
    // abef = (F, E, B, A) and cdgh = (H, G, D, C) from lane 0 up, the layout sha256rnds2 uses.
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);       // lanes: B A D C
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);       // lanes: H G F E
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);      // lanes: F E B A
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);   // lanes: H G D C

    while (blocks--) {
        const __m128i abef_start = abef;
        const __m128i cdgh_start = cdgh;

        __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), byte_swap);
        __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), byte_swap);
        __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), byte_swap);
        __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), byte_swap);

        FOUR_ROUNDS(abef, cdgh, _mm_add_epi32(w0, _mm_load_si128(k + 0)));
        FOUR_ROUNDS(abef, cdgh, _mm_add_epi32(w1, _mm_load_si128(k + 1)));
        FOUR_ROUNDS(abef, cdgh, _mm_add_epi32(w2, _mm_load_si128(k + 2)));
        FOUR_ROUNDS(abef, cdgh, _mm_add_epi32(w3, _mm_load_si128(k + 3)));

        // Groups 4..15: the four registers rotate, each new group replacing the oldest.
        for (int group = 4; group < 16; group += 4) {
            w0 = NEXT_WORDS(w0, w1, w2, w3);
            FOUR_ROUNDS(abef, cdgh, _mm_add_epi32(w0, _mm_load_si128(k + group)));
            w1 = NEXT_WORDS(w1, w2, w3, w0);
            FOUR_ROUNDS(abef, cdgh, _mm_add_epi32(w1, _mm_load_si128(k + group + 1)));
            w2 = NEXT_WORDS(w2, w3, w0, w1);
            FOUR_ROUNDS(abef, cdgh, _mm_add_epi32(w2, _mm_load_si128(k + group + 2)));
            w3 = NEXT_WORDS(w3, w0, w1, w2);
            FOUR_ROUNDS(abef, cdgh, _mm_add_epi32(w3, _mm_load_si128(k + group + 3)));
        }

        abef = _mm_add_epi32(abef, abef_start);
        cdgh = _mm_add_epi32(cdgh, cdgh_start);
        data += 64;
    }

    // Back to A B C D / E F G H.
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);       // lanes: A B E F
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);       // lanes: G H C D
    __m128i abcd = _mm_blend_epi16(feba, dchg, 0xF0);   // lanes: A B C D
    __m128i efgh_out = _mm_alignr_epi8(dchg, feba, 8);  // lanes: E F G H
    _mm_storeu_si128((__m128i *)&state[0], abcd);
    _mm_storeu_si128((__m128i *)&state[4], efgh_out);
}

#else

// MARK: - Other architectures

int help_sha_ni_available(void) { return 0; }

void help_sha256_ni_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state;
    (void)data;
    (void)blocks;
}

#endif
