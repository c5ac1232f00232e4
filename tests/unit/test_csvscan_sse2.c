/*
 * test_csvscan_sse2.c - test_csvscan.c's tests of the scanner in its SSE2
 * form, which runs where the processor has no AVX2 (the build as it is
 * takes the AVX2 form on this machine, when it has AVX2).
 */
#define CSVSCAN_NO_AVX2
#include "test_csvscan.c"
