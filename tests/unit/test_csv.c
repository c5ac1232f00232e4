/*
 * test_csv.c - the CSV reader fed every input at every chunk size and split
 * at every point, as libcsv's own tests do: the records, their fields and
 * their line numbers must never depend on where reads split the input.
 * Each expected serialization is written by hand from the input.
 */
#include "tap.h"
#include "csvin.h"

#include <string.h>

static char got[4096];

/* Serializes a record as "LINE:field|field|...;". */
static int collect(void *ctx, const csvin_row *r)
{
	(void)ctx;
	size_t n = strlen(got);
	n += (size_t)snprintf(got + n, sizeof got - n, "%ld:", r->line);
	for (size_t i = 0; i < r->nf; i++)
		n += (size_t)snprintf(got + n, sizeof got - n, "%s%.*s", i ? "|" : "",
				      (int)r->len[i], r->f[i]);
	snprintf(got + n, sizeof got - n, ";");
	return 0;
}

static void feed(const char *in, size_t len, char delim, size_t chunk, size_t split)
{
	got[0] = '\0';
	csvin_reader *r = csvin_reader_new("test", delim, collect, NULL);
	if (split) {  /* two pieces */
		csvin_reader_feed(r, in, split);
		csvin_reader_feed(r, in + split, len - split);
	} else {
		for (size_t i = 0; i < len; i += chunk)
			csvin_reader_feed(r, in + i, len - i < chunk ? len - i : chunk);
	}
	csvin_reader_finish(r);
}

static void check(const char *name, const char *in, char delim, const char *want)
{
	size_t len = strlen(in), bad = 0;
	feed(in, len, delim, len ? len : 1, 0);
	tap_ok(strcmp(got, want) == 0, "%s: whole input", name);
	if (strcmp(got, want))
		printf("#   got  %s\n#   want %s\n", got, want);
	for (size_t chunk = 1; chunk < len; chunk++) {
		feed(in, len, delim, chunk, 0);
		bad += strcmp(got, want) != 0;
	}
	for (size_t split = 1; split < len; split++) {
		feed(in, len, delim, 0, split);
		bad += strcmp(got, want) != 0;
	}
	tap_ok(bad == 0, "%s: every chunk size and split point (%zu differ)", name, bad);
}

int main(void)
{
	check("LF", "a,b\n1,2\n", ',', "1:a|b;2:1|2;");
	check("CRLF", "a,b\r\n1,2\r\n", ',', "1:a|b;2:1|2;");
	check("no final newline", "a,b\n1,2", ',', "1:a|b;2:1|2;");
	check("byte-order mark", "\xEF\xBB\xBF" "a,b\n1,2\n", ',', "1:a|b;2:1|2;");
	check("BOM-like start that is data", "\xEF\xBB" "x,b\n", ',', "1:\xEF\xBBx|b;");
	check("quoted comma, quote, CR and LF", "g,n\n\"a,b\",1\n\"say \"\"hi\"\"\",2\n\"two\r\nlines\",3\nz,4\n",
	      ',', "1:g|n;2:a,b|1;3:say \"hi\"|2;4:two\r\nlines|3;6:z|4;");
	check("empty fields and a lone quoted empty field", "a,b\n,\n\"\"\n", ',', "1:a|b;2:|;3:;");
	check("blank lines carry no record", "a\n\nb\n\r\n\nc\n", ',', "1:a;3:b;6:c;");
	check("spaces are data", " a , b \n", ',', "1: a | b ;");
	check("TAB delimiter", "a\tb,c\n\"x\ty\"\tz\n", '\t', "1:a|b,c;2:x\ty|z;");
	return tap_done();
}
