/*
 * fuzz_disp_test.c - disp-test run in-process on arbitrary input (see
 * filter.h): the first byte picks an option set, the rest is stdin.
 * Tests across all groups: chi2, exact, trend with --order or --score.
 */
#include "filter.h"

int disp_test_main(int argc, char **argv);

/* The exact test's work and the Monte Carlo draws are kept small (its
 * defaults take seconds on large counts, by design): the harness is for
 * the input side, fuzz_stats for the methods. */
#define QUICK "--draws", "200", "--exact-limit", "20000"
static const char *const SETS[][14] = {
	{"disp-test", QUICK, NULL},
	{"disp-test", QUICK, "--order", "A,B,C", "--tests", "trend", NULL},
	{"disp-test", QUICK, "--score", "dose", "--tests", "trend,chi2,exact", NULL},
	{"disp-test", QUICK, "-e", "arrests", "-n", "searches", NULL},
	{"disp-test", QUICK, "--tests", "chi2,g", "--digits", "17", NULL},
	{"disp-test", QUICK, "--tests", "exact-mc", "--seed", "7", NULL},
	{"disp-test", QUICK, "-t", "--order", "C,A,B", NULL},
	{"disp-test", QUICK, "--score", "s", "--pretty", NULL},
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_filter(disp_test_main, SETS, data, size);
	return 0;
}
