/*
 * test_csvscan.c - the fast reader's record scanner, in both its SSE2 and
 * its portable form: records split as RFC 4180 says, and everything the
 * strict reader must judge (a lone CR, NUL, stray quotes, the wrong field
 * count, no line end at eof) reported as odd at the record's start.  The
 * expected fields are read off each small input by hand.
 */
#include "tap.h"
#include "csvscan.h"

#include <stdlib.h>
#include <string.h>

/* The portable form, under other names. */
#define CSVSCAN_SCALAR
#define csvscan_record scalar_record
#define csvscan_unescape scalar_unescape
#include "../../bin/csvscan.c"
#undef csvscan_record
#undef csvscan_unescape
int csvscan_record(const char *p, const char *end, int eof, char delim,
		   size_t nf, const size_t *want, size_t nwant, csvscan_field *f,
		   const char **next, long *lines);
size_t csvscan_unescape(const csvscan_field *f, char *dst);

typedef int (*scan_fn)(const char *, const char *, int, char, size_t,
		       const size_t *, size_t, csvscan_field *, const char **, long *);

struct want {
	const char *in;
	int eof;
	char delim;
	size_t nf;
	int status;
	size_t used;       /* bytes consumed (*next - p) */
	long lines;
	const char *fields[4];   /* unescaped, for RECORD */
};

static const struct want CASES[] = {
	{"a,b\n", 0, ',', 2, CSVSCAN_RECORD, 4, 1, {"a", "b"}},
	{"a,b\r\nc", 0, ',', 2, CSVSCAN_RECORD, 5, 1, {"a", "b"}},
	{"\n\r\n\na,b\n", 0, ',', 2, CSVSCAN_RECORD, 8, 4, {"a", "b"}},
	{",\n", 0, ',', 2, CSVSCAN_RECORD, 2, 1, {"", ""}},
	{"a;b,c\n", 0, ';', 2, CSVSCAN_RECORD, 6, 1, {"a", "b,c"}},
	{"a\tb\n", 0, '\t', 2, CSVSCAN_RECORD, 4, 1, {"a", "b"}},
	{"\"x,\"\"y\"\"\",b\n", 0, ',', 2, CSVSCAN_RECORD, 12, 1, {"x,\"y\"", "b"}},
	{"\"\"\n", 0, ',', 1, CSVSCAN_RECORD, 3, 1, {""}},
	{"\"a\nb\",c\r\n", 0, ',', 2, CSVSCAN_RECORD, 9, 2, {"a\nb", "c"}},
	{"\"a\r\nb\rc\",d\n", 0, ',', 2, CSVSCAN_RECORD, 11, 3, {"a\r\nb\rc", "d"}},
	{"a,b", 0, ',', 2, CSVSCAN_MORE, 0, 0, {0}},
	{"a,b", 1, ',', 2, CSVSCAN_ODD, 0, 0, {0}},     /* no line end at eof */
	{"a,b\r", 0, ',', 2, CSVSCAN_MORE, 0, 0, {0}},  /* CRLF or a lone CR? */
	{"a,\"b\n", 0, ',', 2, CSVSCAN_MORE, 0, 0, {0}},
	{"a,\"b\n", 1, ',', 2, CSVSCAN_ODD, 0, 0, {0}}, /* unterminated */
	{"a\rb,c\n", 0, ',', 2, CSVSCAN_ODD, 0, 0, {0}}, /* a lone CR */
	{"\n\ra,b\n", 0, ',', 2, CSVSCAN_ODD, 1, 1, {0}}, /* after a blank line */
	{"a\"b,c\n", 0, ',', 2, CSVSCAN_ODD, 0, 0, {0}},
	{"\"a\"x,c\n", 0, ',', 2, CSVSCAN_ODD, 0, 0, {0}},
	{"\"a\" ,c\n", 0, ',', 2, CSVSCAN_ODD, 0, 0, {0}},
	{"a,b,c\n", 0, ',', 2, CSVSCAN_ODD, 0, 0, {0}},
	{"a\n", 0, ',', 2, CSVSCAN_ODD, 0, 0, {0}},
	{"", 1, ',', 2, CSVSCAN_END, 0, 0, {0}},
	{"\n\r\n", 1, ',', 2, CSVSCAN_END, 3, 2, {0}},
	{"\n\n", 0, ',', 2, CSVSCAN_MORE, 0, 0, {0}},
};

/* The input in a buffer of its own with the padding the scanner reads. */
static char *padded(const char *s, size_t n)
{
	char *b = malloc(n + CSVSCAN_PAD);
	memcpy(b, s, n);
	memset(b + n, 'z', CSVSCAN_PAD);
	return b;
}

static void cases(scan_fn scan, const char *name)
{
	for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
		const struct want *w = &CASES[i];
		size_t n = strlen(w->in);
		char *b = padded(w->in, n);
		csvscan_field f[8];
		const char *next;
		long lines = 0;
		int st = scan(b, b + n, w->eof, w->delim, w->nf, NULL, 0, f, &next, &lines);
		int ok = st == w->status && (size_t)(next - b) == w->used && lines == w->lines;
		for (size_t k = 0; ok && st == CSVSCAN_RECORD && k < w->nf; k++) {
			char v[64];
			size_t len = f[k].escaped ? csvscan_unescape(&f[k], v) : f[k].len;
			if (!f[k].escaped)
				memcpy(v, f[k].p, len);
			ok = len == strlen(w->fields[k]) && !memcmp(v, w->fields[k], len);
		}
		tap_ok(ok, "%s: case %zu: status %d (want %d), used %td (want %zu), "
		       "lines %ld (want %ld)", name, i, st, w->status, next - b, w->used,
		       lines, w->lines);
		free(b);
	}
}

/* A NUL byte, unquoted or quoted, is the strict reader's to report. */
static void nul(scan_fn scan, const char *name)
{
	static const char a[] = "a\0,b\n", q[] = "\"a\0\",b\n";
	const char *in[2] = {a, q};
	size_t len[2] = {sizeof a - 1, sizeof q - 1};
	for (int k = 0; k < 2; k++) {
		char *b = padded(in[k], len[k]);
		csvscan_field f[2];
		const char *next;
		long lines = 0;
		int st = scan(b, b + len[k], 0, ',', 2, NULL, 0, f, &next, &lines);
		tap_ok(st == CSVSCAN_ODD && next == b, "%s: a NUL in %s field is odd", name,
		       k ? "a quoted" : "an unquoted");
		free(b);
	}
}

/* Records longer than the 64-byte window, with fields across its edge. */
static void long_records(scan_fn scan, const char *name)
{
	char in[4096];
	size_t n = 0;
	for (int k = 0; k < 40; k++)
		n += (size_t)sprintf(in + n, "%s%d", k ? "," : "", 1000 * k);
	n += (size_t)sprintf(in + n, ",%0100d\n", 7);
	char *b = padded(in, n);
	csvscan_field f[41];
	const char *next;
	long lines = 0;
	int st = scan(b, b + n, 0, ',', 41, NULL, 0, f, &next, &lines);
	int ok = st == CSVSCAN_RECORD && next == b + n && lines == 1 &&
		 f[39].len == 5 && !memcmp(f[39].p, "39000", 5) && f[40].len == 100;
	tap_ok(ok, "%s: a 41-field, %zu-byte record", name, n);
	/* Only some fields asked for: those are set, whatever the window. */
	static const size_t want[] = {0, 17, 39};
	memset(f, 0, sizeof f);
	st = scan(b, b + n, 0, ',', 41, want, 3, f, &next, &lines);
	ok = st == CSVSCAN_RECORD && next == b + n && f[0].len == 1 && *f[0].p == '0' &&
	     f[17].len == 5 && !memcmp(f[17].p, "17000", 5) && f[39].len == 5 &&
	     !memcmp(f[39].p, "39000", 5) && f[40].len == 100;
	tap_ok(ok, "%s: fields 0, 17 and 39 of it, asked for", name);
	st = scan(b, b + n, 0, ',', 41, want, 0, f, &next, &lines);
	tap_ok(st == CSVSCAN_RECORD && next == b + n, "%s: none asked for", name);
	st = scan(b, b + n, 0, ',', 40, want, 3, f, &next, &lines);
	tap_ok(st == CSVSCAN_ODD && next == b, "%s: 40 fields expected, fields asked for: odd",
	       name);
	st = scan(b, b + n, 0, ',', 40, NULL, 0, f, &next, &lines);
	tap_ok(st == CSVSCAN_ODD && next == b, "%s: the same with 40 fields expected is odd",
	       name);
	free(b);
}

int main(void)
{
	cases(csvscan_record, "sse2-or-portable");
	cases(scalar_record, "portable");
	nul(csvscan_record, "sse2-or-portable");
	nul(scalar_record, "portable");
	long_records(csvscan_record, "sse2-or-portable");
	long_records(scalar_record, "portable");
	return tap_done();
}
