/*
 * fuzz_disp_stages.c - disp-stages run in-process on arbitrary input (see
 * filter.h): the first byte picks an option set, the rest is stdin.
 * Stage columns as the golden tests name them; nested counts, bases.
 */
#include "filter.h"

int disp_stages_main(int argc, char **argv);

static const char *const SETS[][12] = {
	{"disp-stages", "-s", "officers,allegation,case,hearing,dismissed", "-r", "White", NULL},
	{"disp-stages", "-s", "a,b,c", "-r", "R", "--ratio", "katz", NULL},
	{"disp-stages", "-s", "complaints,upheld,hearing,dismissed", "--base", "first", NULL},
	{"disp-stages", "-s", "accused,repeat,dismissed", "--min-count", "10", NULL},
	{"disp-stages", "-s", "population,referred,diverted/referred,detained/referred", "-r", "White", NULL},
	{"disp-stages", "-s", "a,b,c", "--test", "chi2", "--per", "100", "--digits", "17", NULL},
	{"disp-stages", "-t", "-s", "a,b,c", "--ci", "exact", NULL},
	{"disp-stages", "-s", "a,b,c", "--pretty", "-l", "0.9", NULL},
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_filter(disp_stages_main, SETS, data, size);
	return 0;
}
