/*
 * csvin.c - streaming CSV input over libcsv (see csvin.h).
 *
 * libcsv does the quoting rules; this file adds what it lacks: line numbers
 * for messages, the byte-order mark, NUL bytes, header handling across
 * files and field count checks.
 */
#include "csvin.h"
#include "err.h"
#include "num.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

struct csvin_reader {
	struct csv_parser p;
	const char *name;
	csvin_fn cb;
	void *ctx;
	long line;      /* line being fed: 1 + line ends fed so far */
	int last_cr;    /* the last byte fed was CR (so an LF ends no line) */
	long rec_line;  /* line on which the pending record began */
	int in_rec;     /* bytes of a record have been fed, no end yet */
	int bom;        /* BOM bytes matched so far; -1 once past it */
	int stop;       /* set by a callback: feed() returns at the record's end */
	char *buf;      /* the pending record's fields, each NUL-terminated */
	size_t used, bufcap;
	size_t *off, *len;
	char **f;
	size_t nf, cap;
};

static const unsigned char BOM[3] = {0xEF, 0xBB, 0xBF};

/* libcsv field callback: copy the field into the pending record. */
static void on_field(void *s, size_t n, void *data)
{
	csvin_reader *r = data;
	if (r->nf == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->off = xrealloc(r->off, r->cap * sizeof *r->off);
		r->len = xrealloc(r->len, r->cap * sizeof *r->len);
		r->f = xrealloc(r->f, r->cap * sizeof *r->f);
	}
	if (r->used + n + 1 > r->bufcap) {
		while (r->used + n + 1 > r->bufcap)
			r->bufcap = r->bufcap ? 2 * r->bufcap : 256;
		r->buf = xrealloc(r->buf, r->bufcap);
	}
	if (n)
		memcpy(r->buf + r->used, s, n);
	r->buf[r->used + n] = '\0';
	r->off[r->nf] = r->used;
	r->len[r->nf++] = n;
	r->used += n + 1;
}

/* libcsv record callback: hand the complete record to the user. */
static void on_record(int c, void *data)
{
	csvin_reader *r = data;
	(void)c;
	for (size_t i = 0; i < r->nf; i++)
		r->f[i] = r->buf + r->off[i];
	csvin_row row = {r->name, r->rec_line, r->nf, r->f, r->len};
	r->cb(r->ctx, &row);
	r->nf = r->used = 0;
	r->in_rec = 0;
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;  /* spaces and tabs are data, never trimmed */
}

csvin_reader *csvin_reader_new(const char *name, char delim,
			       csvin_fn on_rec, void *ctx)
{
	csvin_reader *r = xmalloc(sizeof *r);
	memset(r, 0, sizeof *r);
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		err_nomem();
	csv_set_delim(&r->p, (unsigned char)delim);
	csv_set_space_func(&r->p, no_space);
	r->name = name;
	r->cb = on_rec;
	r->ctx = ctx;
	r->line = 1;
	return r;
}

static void parse(csvin_reader *r, const char *s, size_t n)
{
	/* libcsv grows a field's buffer by blk_size at a time: set to the
	 * buffer's size, the growth is geometric, so a 100 MB field costs
	 * O(n) under an allocator whose realloc copies (ASan, valgrind, musl),
	 * not O(n^2). */
	if (r->p.entry_size > r->p.blk_size)
		csv_set_blk_size(&r->p, r->p.entry_size);
	if (csv_parse(&r->p, s, n, on_field, on_record, r) == n)
		return;
	if (csv_error(&r->p) == CSV_ENOMEM || csv_error(&r->p) == CSV_ETOOBIG)
		err_nomem();
	err_data(r->name, r->line, NULL, "malformed CSV (a quote inside an "
		 "unquoted field, or text after a closing quote)", NULL);
}

/*
 * Feeds one segment at a time, each ending at a CR or LF, so that we know on
 * which line every record starts, whatever the chunking.  A line ends at
 * LF, CR LF or a lone CR.  A NUL is reported where it is, before an endless
 * line can make memory grow.
 */
static size_t feed(csvin_reader *r, const char *buf, size_t n)
{
	size_t n0 = n;
	while (n && r->bom >= 0) {
		if ((unsigned char)*buf == BOM[r->bom]) {
			buf++, n--;
			if (++r->bom == 3)
				r->bom = -1;
		} else {
			/* Not a BOM after all: what matched so far is data. */
			int k = r->bom;
			r->bom = -1;
			feed(r, (const char *)BOM, (size_t)k);
		}
	}
	while (n && !r->stop) {
		size_t k = 0;
		int text = 0;
		while (k < n && buf[k] != '\n' && buf[k] != '\r')
			k++;
		text = k > 0;
		if (text && !r->in_rec) {
			r->in_rec = 1;
			r->rec_line = r->line;
		}
		const char *nul = text ? memchr(buf, '\0', k) : NULL;
		if (nul) {
			/* What comes before the NUL first: a bad quote there is
			 * the error, however the input was split. */
			parse(r, buf, (size_t)(nul - buf));
			err_data(r->name, r->line, NULL, "NUL byte in input", NULL);
		}
		if (k < n)
			k++;  /* include the line end */
		parse(r, buf, k);
		char end = buf[k - 1];
		/* An LF right after a CR ends the same line (CRLF). */
		if (end == '\r' || (end == '\n' && !(k == 1 && r->last_cr)))
			r->line++;
		r->last_cr = end == '\r';
		buf += k;
		n -= k;
	}
	return n0 - n;
}

void csvin_reader_feed(csvin_reader *r, const char *buf, size_t n)
{
	feed(r, buf, n);
}

static void reader_free(csvin_reader *r)
{
	csv_free(&r->p);
	free(r->buf);
	free(r->off);
	free(r->len);
	free(r->f);
	free(r);
}

void csvin_reader_finish(csvin_reader *r)
{
	if (r->bom > 0) {
		int k = r->bom;
		r->bom = -1;
		csvin_reader_feed(r, (const char *)BOM, (size_t)k);
	}
	if (csv_fini(&r->p, on_field, on_record, r) != 0) {
		if (csv_error(&r->p) == CSV_ENOMEM)
			err_nomem();
		err_data(r->name, r->rec_line, NULL, "unterminated quoted field",
			 NULL);
	}
	reader_free(r);
}

/* State of csvin_read() across files. */
struct reading {
	csvin_fn on_header, on_row;
	csvin_body_fn body;
	void *ctx;
	csvin_reader *reader;  /* the current file's */
	int have_header;  /* the header has been seen, in some file */
	int file_header;  /* the current file's header has been seen */
	csvin_row header; /* a deep copy of the first header */
};

static void copy_header(csvin_row *h, const csvin_row *row)
{
	h->file = row->file;
	h->line = row->line;
	h->nf = row->nf;
	h->f = xmalloc(row->nf * sizeof *h->f);
	h->len = xmalloc(row->nf * sizeof *h->len);
	for (size_t i = 0; i < row->nf; i++) {
		h->len[i] = row->len[i];
		h->f[i] = xmalloc(row->len[i] + 1);
		memcpy(h->f[i], row->f[i], row->len[i] + 1);
	}
}

static int same_header(const csvin_row *a, const csvin_row *b)
{
	if (a->nf != b->nf)
		return 0;
	for (size_t i = 0; i < a->nf; i++)
		if (a->len[i] != b->len[i] || memcmp(a->f[i], b->f[i], a->len[i]))
			return 0;
	return 1;
}

static int dispatch(void *data, const csvin_row *row)
{
	struct reading *rd = data;
	if (!rd->file_header) {
		rd->file_header = 1;
		rd->reader->stop = rd->body != NULL;  /* the body goes to body() */
		if (!rd->have_header) {
			rd->have_header = 1;
			copy_header(&rd->header, row);
			return rd->on_header(rd->ctx, &rd->header);
		}
		if (!same_header(&rd->header, row))
			err_data(row->file, row->line, NULL,
				 "header differs from that of", rd->header.file);
		return 0;
	}
	if (row->nf != rd->header.nf) {
		char msg[80];
		snprintf(msg, sizeof msg, "expected %zu fields as in the header, found %zu",
			 rd->header.nf, row->nf);
		err_data(row->file, row->line, NULL, msg, NULL);
	}
	return rd->on_row(rd->ctx, row);
}

/* read(2), retried when interrupted; exits 66 on a read error. */
static size_t read_some(int fd, char *buf, size_t n, const char *name)
{
	for (;;) {
		ssize_t k = read(fd, buf, n);
		if (k >= 0)
			return (size_t)k;
		if (errno != EINTR)
			err_die(EX_NOINPUT_, "%s: read error: %s", err_show(name),
				strerror(errno));
	}
}

/*
 * After the header, with a body function: the rest of the input goes to
 * it.  A header that ended in CR takes an LF after it first (one line
 * end).  When body() stops early, strict reading resumes where it says.
 */
static csvin_reader *hand_over(struct reading *rd, csvin_reader *r, int fd,
			       const char *name, char delim, char *buf,
			       size_t used, size_t n, size_t cap)
{
	if (r->last_cr) {
		if (used == n) {
			n = read_some(fd, buf, cap, name);
			used = 0;
		}
		if (used < n && buf[used] == '\n')
			used++;
	}
	csvin_body b = {name, fd, buf + used, n - used, r->line,
			rd->header.nf, NULL, 0};
	reader_free(r);
	rd->reader = NULL;
	if (rd->body(rd->ctx, &b) == 0)
		return NULL;
	r = csvin_reader_new(name, delim, dispatch, rd);
	r->line = b.line;
	r->bom = -1;
	rd->reader = r;
	feed(r, b.rest, b.nrest);
	free(b.rest);
	return r;
}

static void read_fd(struct reading *rd, int fd, const char *name, char delim)
{
	static char buf[1 << 16];
	size_t n;
	struct stat st;
	/* open() opens a directory; reading it would fail with EISDIR. */
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
		err_die(EX_NOINPUT_, "%s: is a directory", err_show(name));
	csvin_reader *r = csvin_reader_new(name, delim, dispatch, rd);
	rd->reader = r;
	rd->file_header = 0;
	while ((n = read_some(fd, buf, sizeof buf, name)) > 0) {
		size_t used = feed(r, buf, n);
		if (r->stop && !(r = hand_over(rd, r, fd, name, delim, buf, used, n,
					       sizeof buf)))
			return;   /* body() took the rest */
	}
	csvin_reader_finish(r);
	rd->reader = NULL;
}

void csvin_read(char *const *files, int nfiles, char delim,
		csvin_fn on_header, csvin_fn on_row, void *ctx)
{
	csvin_read_body(files, nfiles, delim, on_header, on_row, NULL, ctx);
}

void csvin_read_body(char *const *files, int nfiles, char delim,
		     csvin_fn on_header, csvin_fn on_row, csvin_body_fn body,
		     void *ctx)
{
	csvin_read_inputs(files, nfiles, delim, NULL, on_header, on_row, body, ctx);
}

void csvin_read_inputs(char *const *files, int nfiles, char delim,
		       void (*on_input)(void *ctx, const char *name),
		       csvin_fn on_header, csvin_fn on_row, csvin_body_fn body,
		       void *ctx)
{
	struct reading rd = {on_header, on_row, body, ctx, NULL, 0, 0, {0}};
	if (nfiles == 0) {
		if (on_input)
			on_input(ctx, "stdin");
		read_fd(&rd, 0, "stdin", delim);
	}
	for (int i = 0; i < nfiles; i++) {
		int is_stdin = strcmp(files[i], "-") == 0;
		if (on_input)
			on_input(ctx, is_stdin ? "stdin" : files[i]);
		if (is_stdin) {
			read_fd(&rd, 0, "stdin", delim);
			continue;
		}
		int fd = open(files[i], O_RDONLY);
		if (fd < 0)
			err_die(EX_NOINPUT_, "%s: %s", err_show(files[i]), strerror(errno));
		read_fd(&rd, fd, files[i], delim);
		close(fd);
	}
	if (!rd.have_header) {
		csvin_row empty = {nfiles ? files[0] : "stdin", 1, 0, NULL, NULL};
		on_header(ctx, &empty);
	}
	for (size_t i = 0; i < rd.header.nf; i++)
		free(rd.header.f[i]);
	free(rd.header.f);
	free(rd.header.len);
}

long csvin_find(const csvin_row *h, const char *name)
{
	long at = -1;
	size_t n = strlen(name);
	for (size_t i = 0; i < h->nf; i++) {
		if (h->len[i] != n || memcmp(h->f[i], name, n))
			continue;
		if (at >= 0)
			err_data(h->file, h->line, name, "appears twice in the header "
				 "(columns are chosen by name)", NULL);
		at = (long)i;
	}
	return at;
}

size_t csvin_column(const csvin_row *h, const char *name)
{
	long at = csvin_find(h, name);
	if (at >= 0)
		return (size_t)at;
	if (h->nf == 0)
		err_data(h->file, h->line, NULL,
			 "no header row (empty input); wanted column", name);
	fprintf(stderr, "%s: %s:%ld: unknown column '%s' (columns: ",
		err_prog, err_show(h->file), h->line, err_show(name));
	for (size_t i = 0; i < h->nf; i++)
		fprintf(stderr, "%s%s", i ? ", " : "", err_show_n(h->f[i], h->len[i]));
	fputc(')', stderr);
	/* One column whose name holds another likely delimiter: say so. */
	const char *other = h->nf != 1 ? NULL : memchr(h->f[0], ';', h->len[0]) ?
			    ";" : memchr(h->f[0], '\t', h->len[0]) ? "\\t" : NULL;
	if (other)
		fprintf(stderr, "; the header is one column holding '%s': is the "
			"delimiter '%s'? (-d '%s'%s)", other, other,
			*other == ';' ? ";" : "<TAB>", *other == ';' ? "" : " or -t");
	fputc('\n', stderr);
	err_exit(EX_DATA);
}

double csvin_number(const csvin_row *r, long i, const char *col)
{
	double x;
	if (i < 0)
		return NAN;
	if (num_cell(r->f[i], &x) == NUM_BAD)
		err_data(r->file, r->line, col, "not a number (or inf, nan, empty)", r->f[i]);
	return x;
}
