/*
 * fuzz_disp_plot.c - disp-plot run in-process on arbitrary input (see
 * filter.h): the first byte picks an option set, the rest is stdin.
 * Charts as gnuplot scripts on stdout (no -o: gnuplot is never run and
 * no file is written); the output is a script, so no CSV check.
 */
#include "filter.h"

int disp_plot_main(int argc, char **argv);

static const char *const SETS[][12] = {
	{"disp-plot", "forest", NULL},
	{"disp-plot", "rates", NULL},
	{"disp-plot", "stages", NULL},
	{"disp-plot", "funnel", NULL},
	{"disp-plot", "forest", "-c", "rd", "--title", "T", NULL},
	{"disp-plot", "rates", "--per", "100", "--format", "svg", NULL},
	{"disp-plot", "funnel", "--per", "1000", "--width", "400", NULL},
	{"disp-plot", "forest", "-t", "-g", "g", "--format", "pdf", NULL},
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 0)
		fz_run(disp_plot_main, SETS[data[0] % (sizeof SETS / sizeof *SETS)],
		       data + 1, size - 1);
	return 0;
}
