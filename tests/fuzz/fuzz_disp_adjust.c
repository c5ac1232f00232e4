/*
 * fuzz_disp_adjust.c - disp-adjust run in-process on arbitrary input (see
 * filter.h): the first byte picks an option set, the rest is stdin.
 * The p column and --group-by families, each adjustment method.
 */
#include "filter.h"

int disp_adjust_main(int argc, char **argv);

static const char *const SETS[][12] = {
	{"disp-adjust", NULL},
	{"disp-adjust", "-m", "bonferroni", NULL},
	{"disp-adjust", "-m", "hochberg", "--digits", "17", NULL},
	{"disp-adjust", "-m", "hommel", NULL},
	{"disp-adjust", "-m", "bh", "--group-by", "g", NULL},
	{"disp-adjust", "-m", "by", "-p", "p_adj", "--name", "q", NULL},
	{"disp-adjust", "-t", "--group-by", "y,f", NULL},
	{"disp-adjust", "-d", ";", "--pretty", NULL},
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_filter(disp_adjust_main, SETS, data, size);
	return 0;
}
