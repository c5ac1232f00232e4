/*
 * fuzz_disp_count.c - disp-count run in-process on arbitrary input (see
 * filter.h), as a differential test of its two readers: each input is
 * counted by the strict reader (csvin over libcsv: DISP_COUNT_READER=
 * strict) and by the fast one (csvscan, tally) with a block size of 1 to
 * 256 bytes, so that records cross blocks and, the input being a regular
 * file, are split between threads.  Both must give the same exit status,
 * the same output byte for byte and the same message.  The first byte
 * picks an option set, the second the block size; the rest is stdin.
 * Built with FZ_PIPE (fuzz_disp_count_pipe.c), stdin is a pipe instead.
 */
#include "filter.h"

int disp_count_main(int argc, char **argv);

static const char *const SETS[][12] = {
	{"disp-count", "-g", "g", NULL},
	{"disp-count", "-g", "g", "-e", "ev", NULL},
	{"disp-count", "-g", "sex,eth", "-e", "outcome=dismissed", "-w", "n", NULL},
	{"disp-count", "-g", "g", "-e", "e", "--threads", "2", NULL},
	{"disp-count", "-g", "g", "-f", "a,b", NULL},
	{"disp-count", "-g", "group", "-e", "dismissed=yes", "--absent-ok", NULL},
	{"disp-count", "-t", "-g", "g", "-e", "e", NULL},
	{"disp-count", "-d", ";", "-g", "g,s", "--threads", "3", NULL},
	{"disp-count", "--merge", "-g", "g", NULL},
};
#define NSETS (sizeof SETS / sizeof *SETS)

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fz_setup();
	return 0;
}

static char out[sizeof fz_out.buf], err[sizeof fz_err.buf];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	const char *const *args = SETS[data[0] % NSETS];
	char block[8];
	snprintf(block, sizeof block, "%d", 1 + data[1]);

	setenv("DISP_COUNT_READER", "strict", 1);
	int strict = fz_run(disp_count_main, args, data + 2, size - 2);
	size_t nout = fz_out.len, nerr = fz_err.len, tout = fz_out.total;
	memcpy(out, fz_out.buf, nout);
	memcpy(err, fz_err.buf, nerr);
	unsetenv("DISP_COUNT_READER");

	setenv("DISP_COUNT_BLOCK", block, 1);
	int fast = fz_run(disp_count_main, args, data + 2, size - 2);
	unsetenv("DISP_COUNT_BLOCK");
	if (fast != strict || fz_out.total != tout || fz_out.len != nout ||
	    memcmp(fz_out.buf, out, nout) || fz_err.len != nerr ||
	    memcmp(fz_err.buf, err, nerr)) {
		fprintf(stderr, "strict: exit %d, '%.*s'\nfast (block %s): exit %d, '%.*s'\n",
			strict, (int)nerr, err, block, fast, (int)fz_err.len, fz_err.buf);
		abort();
	}
	fz_check_output(fast, args[1][1] == 't' ? '\t' : args[1][1] == 'd' ? ';' : ',');
	return 0;
}
