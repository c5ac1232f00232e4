/*
 * fuzz_disp_rate.c - disp-rate run in-process on arbitrary input (see
 * filter.h): the first byte picks an option set, the rest is stdin.
 */
#include "filter.h"

int disp_rate_main(int argc, char **argv);

static const char *const SETS[][12] = {
	{"disp-rate", NULL},
	{"disp-rate", "-r", "White", NULL},
	{"disp-rate", "-e", "arrests", "-n", "searches", "--per", "100", NULL},
	{"disp-rate", "-x", "total", "--digits", "17", NULL},
	{"disp-rate", "--ci", "exact", "--ratio", "katz", "--test", "fisher", NULL},
	{"disp-rate", "--diff", "newcombe", "--odds", "woolf", "--adjust", "holm", NULL},
	{"disp-rate", "-t", "--adjust-ci", "bonferroni", "-l", "0.9", NULL},
	{"disp-rate", "-d", ";", "--pretty", NULL},
};
#define NSETS (sizeof SETS / sizeof *SETS)

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_filter(disp_rate_main, SETS, data, size);
	return 0;
}
