/*
 * fuzz_disp_strata.c - disp-strata run in-process on arbitrary input (see
 * filter.h): the first byte picks an option set, the rest is stdin.
 * Strata held fixed: pooled ratios, tests, homogeneity, standardising.
 */
#include "filter.h"

int disp_strata_main(int argc, char **argv);

static const char *const SETS[][12] = {
	{"disp-strata", "-s", "dept", "-e", "admitted", "-n", "applicants", "-r", "Male", NULL},
	{"disp-strata", "-s", "s", "-r", "b", "--odds", "mh", "--diff", "sato", NULL},
	{"disp-strata", "-s", "year", "-x", "years", "-r", "White", NULL},
	{"disp-strata", "-s", "rank", "-e", "allegations", "-n", "officers", "--standardise", "direct", "--standard", "std", NULL},
	{"disp-strata", "-s", "rank", "-e", "allegations", "-n", "officers", "--standardise", "indirect", NULL},
	{"disp-strata", "-s", "rank", "--each", "--digits", "17", NULL},
	{"disp-strata", "-s", "s", "--ratio", "mn", "--diff", "scas", "--test", "score", NULL},
	{"disp-strata", "-t", "-s", "s", "--homogeneity", "bd", "--pretty", NULL},
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_filter(disp_strata_main, SETS, data, size);
	return 0;
}
