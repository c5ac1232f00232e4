/*
 * fuzz_stats_exact.c - fuzz_stats.c's invariants on its costly methods
 * (the list costly[] there): exact, unconditional and stratified score
 * methods, milliseconds to a quarter of a second an input, fuzzed apart so
 * that the fast ones reach their executions.
 */
#define FUZZ_STATS_EXACT 1
#include "fuzz_stats.c"
