/*
 * fuzz_disp_check.c - disp-check run in-process on arbitrary input (see
 * filter.h).  The first byte picks an option set: most read a claims
 * table from stdin; one reads the counts table from stdin too (-c
 * /dev/stdin: the same bytes, opened again), and one is the immediate
 * form, KIND VALUE X/N [X2/N2] taken from the input's first line split
 * at '|' (the rest of the input is then unused).
 */
#include "filter.h"

int disp_check_main(int argc, char **argv);

static const char *const SETS[][12] = {
	{"disp-check", NULL},
	{"disp-check", "--significance", NULL},
	{"disp-check", "--strict", "--digits", "17", NULL},
	{"disp-check", "--tap", NULL},
	{"disp-check", "--ci", "exact", "--ratio", "katz", "--test", "chi2", NULL},
	{"disp-check", "-t", "-l", "0.9", NULL},
	{"disp-check", "-c", "/dev/stdin", "-g", "group", NULL},
	{"disp-check", NULL},   /* immediate: the words of the first line */
};
#define NSETS (sizeof SETS / sizeof *SETS)
#define IMMEDIATE (NSETS - 1)

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	size_t k = data[0] % NSETS;
	if (k != IMMEDIATE) {
		fz_filter(disp_check_main, SETS, data, size);
		if (k == 6)
			fz_close_fds();
		return 0;
	}
	/* Up to five words, the first line's, at most 255 bytes. */
	char line[256], *w[8] = {"disp-check"};
	size_t n = 0, nw = 1;
	for (size_t i = 1; i < size && data[i] != '\n' && n < sizeof line - 1; i++)
		line[n++] = data[i] ? (char)data[i] : ' ';
	line[n] = '\0';
	for (char *p = line, *bar; nw < 6; p = bar + 1) {
		w[nw++] = p;
		if (!(bar = strchr(p, '|')))
			break;
		*bar = '\0';
	}
	w[nw] = NULL;
	int code = fz_run(disp_check_main, (const char *const *)w, data, 0);
	/* A word that is an option, or any prefix of one (getopt_long takes
	 * "--h" for --help, "--ta" for --tap), may ask for output that is
	 * not CSV: then only the exit status is checked. */
	int opt = 0;
	for (size_t i = 1; i < nw; i++)
		opt |= w[i][0] == '-';
	if (!opt)
		fz_check_output(code, ',');
	return 0;
}
