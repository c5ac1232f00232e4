/*
 * fuzz_disp_count_pipe.c - fuzz_disp_count with stdin a pipe, not a
 * regular file: the fast reader then reads blocks and counts them on
 * threads (tallypipe.c) where there are two cores or more, or on one
 * (tally_stream), and must still print what the strict reader prints.  A
 * harness of its own, so that its corpus and figures are its own.
 */
#define FZ_PIPE 1
#include "fuzz_disp_count.c"
