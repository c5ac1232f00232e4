/*
 * fuzz_csvin.c - the CSV layer on arbitrary bytes: bin/csvin.c (over
 * libcsv, strict) and disp-count's fast scanner bin/csvscan.c against it.
 * The first byte picks the delimiter and a chunk size; the rest is the
 * input.  Checked:
 *  - the strict reader gives the same records (line, fields), the same
 *    exit status and the same message whether the input comes at once or
 *    in chunks of 1 to 16 bytes;
 *  - csvin_read() (the whole layer, from stdin) gives a prefix of those
 *    records, all of the header's field count, and fails only on bad
 *    data (65) or a row of another field count;
 *  - every record csvscan takes, one at a time or in bulk (csvscan_run;
 *    it leaves anything odd to the strict reader), has the fields the
 *    strict reader read at that place.
 * Uses filter.h for the exits and the accounting of what they leave.
 */
#include "filter.h"
#include "csvscan.h"

#define LOGMAX (1 << 20)

/* Records as read: line, field count, then each field's length and bytes. */
struct log {
	char buf[LOGMAX];
	size_t len;
	long n;
	size_t at[4096];   /* where each record starts in buf (the first ones) */
};

static struct log A, B, C;
static char delim;

static void put(struct log *l, const void *p, size_t n)
{
	if (l->len + n > LOGMAX)
		abort();   /* cannot happen within libFuzzer's -max_len */
	memcpy(l->buf + l->len, p, n);
	l->len += n;
}

static int on_record(void *ctx, const csvin_row *r)
{
	struct log *l = ctx;
	if (l->n < 4096)
		l->at[l->n] = l->len;
	l->n++;
	put(l, &r->line, sizeof r->line);
	put(l, &r->nf, sizeof r->nf);
	for (size_t i = 0; i < r->nf; i++) {
		if (strlen(r->f[i]) != r->len[i])
			abort();   /* a NUL inside a field reached a callback */
		put(l, &r->len[i], sizeof r->len[i]);
		put(l, r->f[i], r->len[i]);
	}
	return 0;
}

static const uint8_t *in;
static size_t insize, chunk;

static void strict(void *ctx)
{
	struct log *l = ctx;
	csvin_reader *r = csvin_reader_new("input", delim, on_record, l);
	for (size_t off = 0; off < insize; off += chunk)
		csvin_reader_feed(r, (const char *)in + off,
				  insize - off < chunk ? insize - off : chunk);
	csvin_reader_finish(r);
}

static size_t header_nf;

static int on_header(void *ctx, const csvin_row *r)
{
	header_nf = r->nf;
	/* An empty input's header (no fields) is no record of the reader's. */
	return r->nf ? on_record(ctx, r) : 0;
}

static int on_row(void *ctx, const csvin_row *r)
{
	if (r->nf != header_nf)
		abort();
	return on_record(ctx, r);
}

static void layer(void *ctx)
{
	csvin_read(NULL, 0, delim, on_header, on_row, ctx);
}

/* Record i of log l, as fields; returns 0 when l has no record i. */
static int record(const struct log *l, long i, long *line, size_t *nf,
		  const char **p)
{
	if (i >= l->n || i >= 4096)
		return 0;
	*p = l->buf + l->at[i];
	memcpy(line, *p, sizeof *line), *p += sizeof *line;
	memcpy(nf, *p, sizeof *nf), *p += sizeof *nf;
	return 1;
}

/* Whether f[0 .. nf) are the fields of A's record i (0 when A has none). */
static char *unesc;

static int same_record(long i, const csvscan_field *f, size_t nf)
{
	long line;
	size_t nf2;
	const char *q;
	if (!record(&A, i, &line, &nf2, &q))
		return 0;
	if (nf2 != nf)
		abort();
	for (size_t j = 0; j < nf; j++) {
		size_t len;
		memcpy(&len, q, sizeof len), q += sizeof len;
		const char *v = f[j].p;
		size_t vlen = f[j].len;
		if (f[j].escaped)
			vlen = csvscan_unescape(&f[j], unesc), v = unesc;
		if (vlen != len || memcmp(v, q, len)) {
			fprintf(stderr, "record %ld field %zu differs\n", i, j);
			abort();
		}
		q += len;
	}
	return 1;
}

struct run_ctx {
	long i;   /* the next record's index */
	size_t nf;
};

static int run_record(void *ctx, const csvscan_field *f)
{
	struct run_ctx *c = ctx;
	if (c->i < 4096 && !same_record(c->i, f, c->nf)) {
		fprintf(stderr, "csvscan_run took record %ld, the strict reader did not\n", c->i);
		abort();
	}
	c->i++;
	return 1;
}

/*
 * csvscan over the input against A (read strictly): record by record
 * (csvscan_record), or in bulk (csvscan_run) then by record where the bulk
 * scanner stops, as disp-count's fast reader does.
 */
static void scan(int code, int bulk)
{
	long line;
	size_t nf;
	const char *q;
	if (!record(&A, 0, &line, &nf, &q) || nf == 0 || nf > 4096)
		return;
	const uint8_t *s = in;
	size_t n = insize;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3, n -= 3;
	char *buf = malloc(n + CSVSCAN_PAD);
	memcpy(buf, s, n);
	memset(buf + n, '\n', CSVSCAN_PAD);
	csvscan_field *f = malloc(nf * sizeof *f);
	const char *p = buf, *next;
	long lines = 0;
	unesc = malloc(n + 1);
	struct run_ctx rc = {0, nf};
	for (;;) {
		if (bulk && rc.i > 0)   /* the header by record, as tally does */
			p = csvscan_run(p, buf + n, buf + n, delim, nf, NULL, 0, f,
					run_record, &rc, &lines);
		int k = csvscan_record(p, buf + n, 1, delim, nf, NULL, 0, f, &next, &lines);
		if (k == CSVSCAN_ODD || k == CSVSCAN_MORE)
			break;
		if (k == CSVSCAN_END) {
			if (code == 0 && rc.i < 4096 && record(&A, rc.i, &line, &nf, &q))
				abort();   /* the scanner ended before the strict reader */
			break;
		}
		if (rc.i < 4096 && !same_record(rc.i, f, nf)) {
			fprintf(stderr, "csvscan took record %ld, the strict reader did not\n", rc.i);
			abort();
		}
		rc.i++;
		p = next;
	}
	free(unesc);
	free(f);
	free(buf);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char DELIMS[] = ",\t;| ";
	if (size == 0)
		return 0;
	delim = DELIMS[data[0] % 5];
	chunk = 1 + (data[0] >> 4);
	in = data + 1, insize = size - 1;

	size_t whole = chunk;
	chunk = insize ? insize : 1;
	A.len = 0, A.n = 0;
	int ca = fz_call(strict, &A);
	char msg[512];
	size_t mlen = fz_err.len < sizeof msg ? fz_err.len : sizeof msg;
	memcpy(msg, fz_err.buf, mlen);

	chunk = whole;
	B.len = 0, B.n = 0;
	int cb = fz_call(strict, &B);
	if (ca != cb || A.n != B.n || A.len != B.len || memcmp(A.buf, B.buf, A.len) ||
	    mlen != (fz_err.len < sizeof msg ? fz_err.len : sizeof msg) ||
	    memcmp(msg, fz_err.buf, mlen)) {
		fprintf(stderr, "chunks of %zu read otherwise than the whole: "
			"exit %d, %ld records, '%.*s'; in chunks exit %d, %ld records, '%.*s'\n",
			chunk, ca, A.n, (int)mlen, msg, cb, B.n, (int)fz_err.len, fz_err.buf);
		abort();
	}
	if (ca != 0 && ca != EX_DATA)
		abort();

	fz_stdin(in, insize);
	C.len = 0, C.n = 0;
	int cc = fz_call(layer, &C);
	if (C.len > A.len || memcmp(C.buf, A.buf, C.len))
		abort();   /* the layer read records the reader did not */
	if (cc != 0 && cc != EX_DATA)
		abort();
	if (cc == 0 && ca == 0 && (C.n != A.n || C.len != A.len))
		abort();

	if (delim != ' ' || data[0] & 8)
		scan(ca, data[0] & 4);
	return 0;
}
