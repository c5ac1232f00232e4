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

/* The portable form under other names; test_csvscan_sse2.c includes this
 * file to test the SSE2 form (where there is no AVX2) instead. */
#ifndef CSVSCAN_NO_AVX2
#define CSVSCAN_SCALAR
#define FORM "portable"
#else
#define FORM "sse2"
#endif
#define csvscan_record scalar_record
#define csvscan_unescape scalar_unescape
#define csvscan_run scalar_run
#include "../../bin/csvscan.c"
#undef csvscan_record
#undef csvscan_unescape
#undef csvscan_run
int csvscan_record(const char *p, const char *end, int eof, char delim,
		   size_t nf, const size_t *want, size_t nwant, csvscan_field *f,
		   const char **next, long *lines);
size_t csvscan_unescape(const csvscan_field *f, char *dst);
const char *csvscan_run(const char *p, const char *end, const char *stop,
			char delim, size_t nf, const size_t *want, size_t nwant,
			csvscan_field *f, int (*fn)(void *ctx, const csvscan_field *f),
			void *ctx, long *lines);

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

typedef const char *(*run_fn)(const char *, const char *, const char *, char,
			      size_t, const size_t *, size_t, csvscan_field *,
			      int (*)(void *, const csvscan_field *), void *, long *);

/* What a reader saw: each record's wanted fields and where it ended, as
 * text, so that two readers can be compared. */
struct seen {
	char *out;
	size_t len, cap;
	const char *buf;
	const size_t *want;
	size_t nwant;
	long refuse;   /* the callback refuses its refuse-th record (from 1) */
	long calls;
};

static void put(struct seen *s, const char *p, size_t n)
{
	if (s->len + n + 1 > s->cap)
		s->out = realloc(s->out, s->cap = 2 * (s->len + n) + 64);
	memcpy(s->out + s->len, p, n);
	s->len += n;
	s->out[s->len] = '\0';
}

static void record(struct seen *s, const csvscan_field *f)
{
	char v[8192];
	for (size_t j = 0; j < s->nwant; j++) {
		const csvscan_field *k = &f[s->want[j]];
		size_t len = k->escaped ? csvscan_unescape(k, v) : k->len;
		if (!k->escaped)
			memcpy(v, k->p, len);
		put(s, "[", 1);
		put(s, v, len);
		put(s, "]", 1);
	}
}

static int take(void *ctx, const csvscan_field *f)
{
	struct seen *s = ctx;
	if (++s->calls == s->refuse)
		return 0;
	record(s, f);
	put(s, "\n", 1);
	return 1;
}

/*
 * One reader of a whole buffer: csvscan_record alone (run NULL), or runs
 * with csvscan_record after each, as the fast reader does.  Records at or
 * after stop are not taken by a run (csvscan_record then takes them).
 */
static void read_all(struct seen *s, run_fn run, scan_fn scan, const char *b,
		     size_t n, size_t nf, const char *stop)
{
	const char *p = b, *end = b + n, *next;
	long lines = 0;
	csvscan_field f[16];
	char pos[64];
	for (;;) {
		if (run) {
			const char *q = run(p, end, stop, ',', nf, s->want, s->nwant, f,
					    take, s, &lines);
			if (q != p) {
				snprintf(pos, sizeof pos, "run to %td, line %ld\n", q - b, lines);
				put(s, pos, strlen(pos));
			}
			p = q;
			if (s->calls == s->refuse)
				s->refuse = 0;   /* refused once: now read it */
		}
		int st = scan(p, end, 1, ',', nf, s->want, s->nwant, f, &next, &lines);
		if (st != CSVSCAN_RECORD) {
			snprintf(pos, sizeof pos, "status %d at %td, line %ld\n", st, next - b, lines);
			put(s, pos, strlen(pos));
			return;
		}
		record(s, f);
		put(s, "\n", 1);
		p = next;
	}
}

/* Drops the "run to" lines: where runs stopped is theirs alone. */
static void strip_runs(char *s)
{
	char *w = s;
	for (char *r = s; *r;) {
		char *nl = strchr(r, '\n');
		size_t n = nl ? (size_t)(nl - r + 1) : strlen(r);
		if (strncmp(r, "run to ", 7) != 0) {
			memmove(w, r, n);
			w += n;
		}
		r += n;
	}
	*w = '\0';
}

/*
 * Runs against the record scanner alone on random buffers of plain
 * records, with quotes, CRLF, lone CRs, blank lines, NULs, short and long
 * rows, and records longer than a run's 4 KiB segment: the same records,
 * fields and line counts, and a refused record read again by the
 * scanner.
 */
static void runs(run_fn run, scan_fn scan, const char *name)
{
	/* Plain pieces first, then the ones a run must leave to the scanner
	 * (the NUL piece is one byte). */
	static const char *pieces[] = {"a", "bc", "White", "", "1", "0", "\"q,\"",
				       "\"x\"\"y\"", "\r", "\0", "\"",
				       "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"};
	static const size_t want2[] = {0, 2}, want1[] = {1};
	size_t all[8] = {0, 1, 2, 3, 4, 5, 6, 7};
	unsigned long seed = 12345;
	int differ = 0;
	long taken = 0, lines = 0;   /* records taken by runs; lines seen */
	for (int t = 0; t < 400; t++) {
		/* the field count, and whether the buffer has odd records,
		 * CRLFs and blank lines, chosen apart */
		size_t cap = 40000, n = 0, nf = 1 + (size_t)t % 4;
		int odd = t / 4 % 2;
		char *b = malloc(cap + CSVSCAN_PAD);
		while (n < cap - 6000) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			unsigned r = (unsigned)(seed >> 33);
			size_t k = odd && r % 97 == 0 ? nf + 1 : odd && r % 89 == 0 && nf > 1 ? nf - 1 : nf;
			if (r % 1999 == 0) {
				memset(b + n, 'L', 4500);   /* longer than a segment */
				n += 4500;
			}
			for (size_t i = 0; i < k; i++) {
				unsigned u = (unsigned)(seed >> (5 * i % 30)) & 0xffff;
				/* odd buffers have every piece; others only the
				 * ones the scanner reads (quoted fields too) */
				static const size_t ok[] = {0, 1, 2, 3, 4, 5, 6, 7, 11};
				size_t pi = r % (odd ? 16 : 4096) ? u % 6 : odd ? u % 12 : ok[u % 9];
				size_t len = pi == 9 ? 1 : strlen(pieces[pi]);
				memcpy(b + n, pieces[pi], len);
				n += len;
				if (i + 1 < k)
					b[n++] = ',';
			}
			if (t / 8 % 2 && r % 5 == 0)
				b[n++] = '\r';   /* CRLF in some buffers */
			b[n++] = '\n';
			if (t / 16 % 2 && r % 53 == 0)
				b[n++] = '\n';   /* blank lines in some */
		}
		memset(b + n, 'z', CSVSCAN_PAD);
		const size_t *want = t % 3 == 0 ? all : t % 3 == 1 ? want2 : want1;
		size_t nwant = t % 3 == 0 ? nf : t % 3 == 1 ? (nf >= 3 ? 2 : 0) : nf >= 2;
		struct seen one = {.buf = b, .want = want, .nwant = nwant, .refuse = -1};
		struct seen both = one;
		both.refuse = t % 7 == 0 ? 5 : -1;
		read_all(&one, NULL, scan, b, n, nf, b + n);
		read_all(&both, run, scan, b, n, nf, t % 5 == 0 ? b + n / 2 : b + n);
		taken += both.calls - (both.refuse == 0);
		for (const char *c = one.out; (c = strchr(c, '\n')) != NULL; c++)
			lines++;
		strip_runs(both.out);
		if (strcmp(one.out, both.out) != 0) {
			if (!differ)
				printf("# %s: buffer %d differs\n", name, t);
			differ = 1;
		}
		free(one.out);
		free(both.out);
		free(b);
	}
	tap_ok(!differ, "%s: runs read 400 random buffers as the record scanner does", name);
	tap_ok(2 * taken > lines, "%s: runs took %ld of the %ld records", name, taken, lines);
}

int main(void)
{
	runs(csvscan_run, csvscan_record, "as built");
	runs(scalar_run, scalar_record, FORM);
	cases(csvscan_record, "as built");
	cases(scalar_record, FORM);
	nul(csvscan_record, "as built");
	nul(scalar_record, FORM);
	long_records(csvscan_record, "as built");
	long_records(scalar_record, FORM);
	return tap_done();
}
