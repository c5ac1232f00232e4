/*
 * fuzz_disp_funnel.c - disp-funnel run in-process on arbitrary input (see
 * filter.h): the first byte picks an option set, the rest is stdin.
 * Units against the pooled rate, limits, overdispersion, expected counts.
 */
#include "filter.h"

int disp_funnel_main(int argc, char **argv);

static const char *const SETS[][12] = {
	{"disp-funnel", NULL},
	{"disp-funnel", "--method", "exact-cdf", NULL},
	{"disp-funnel", "--overdispersion", "multiplicative", NULL},
	{"disp-funnel", "--overdispersion", "additive", "--method", "normal", "--levels", "0.9", NULL},
	{"disp-funnel", "--limits", "--points", "4", NULL},
	{"disp-funnel", "-e", "observed", "-x", "expected", "--target", "1", NULL},
	{"disp-funnel", "-e", "arrests", "-n", "searches", "--winsor", "0.1", NULL},
	{"disp-funnel", "-t", "--target", "0.5", "--digits", "17", NULL},
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_filter(disp_funnel_main, SETS, data, size);
	return 0;
}
