/*
 * roundtrip.c - a filter's output read back through the kit: every cell
 * that is not one of the named text columns must be what the numeric-cell
 * reader accepts (a number, inf, -inf, nan, or empty), and a number must
 * re-format at DIGITS to the same text.  Prints one line per offending cell
 * and exits 1 if there is any, else prints the number of cells checked.
 *
 * Usage: roundtrip [-t] DIGITS TEXTCOL... < CSV   (-t: TAB-separated)
 */
#include "csvin.h"
#include "err.h"
#include "num.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct state {
	int digits, ntext;
	char **text;
	int *is_text;
	long cells, bad;
};

static int on_header(void *ctx, const csvin_row *h)
{
	struct state *s = ctx;
	s->is_text = calloc(h->nf ? h->nf : 1, sizeof *s->is_text);
	for (int i = 0; i < s->ntext; i++)
		s->is_text[csvin_column(h, s->text[i])] = 1;
	return 0;
}

static int on_row(void *ctx, const csvin_row *r)
{
	struct state *s = ctx;
	for (size_t i = 0; i < r->nf; i++) {
		double x;
		char again[NUM_MAX];
		if (s->is_text[i])
			continue;
		s->cells++;
		int k = num_cell(r->f[i], &x);
		if (k == NUM_BAD || (k == NUM_OK && strcmp(num_fmt(again, x, s->digits), r->f[i]))) {
			printf("line %ld field %zu: '%s' does not read back\n", r->line, i + 1, r->f[i]);
			s->bad++;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	err_init("roundtrip");
	char delim = ',';
	if (argc > 1 && strcmp(argv[1], "-t") == 0)
		delim = '\t', argc--, argv++;
	if (argc < 2)
		err_usage("usage: roundtrip [-t] DIGITS TEXTCOL...");
	struct state s = {atoi(argv[1]), argc - 2, argv + 2, NULL, 0, 0};
	csvin_read(NULL, 0, delim, on_header, on_row, &s);
	if (!s.bad)
		printf("%ld cells read back\n", s.cells);
	free(s.is_text);
	return s.bad != 0;
}
