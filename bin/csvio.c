/*
 * csvio.c - streaming CSV input over libcsv and RFC 4180 output (see csvio.h).
 *
 * libcsv does the quoting rules; this file adds what it lacks: line numbers
 * for messages, the byte-order mark, header handling across files, field
 * count checks, and a writer that quotes only when needed.
 */
#include "csvio.h"
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

struct csv_reader {
	struct csv_parser p;
	const char *name;
	csv_row_fn cb;
	void *ctx;
	long line;      /* line being fed: 1 + newlines fed so far */
	long rec_line;  /* line on which the pending record began */
	int in_rec;     /* bytes of a record have been fed, no end yet */
	int bom;        /* BOM bytes matched so far; -1 once past it */
	int nul;        /* the pending record holds a NUL byte */
	char *buf;      /* the pending record's fields, each NUL-terminated */
	size_t used, bufcap;
	size_t *off, *len;
	char **f;
	size_t nf, cap;
};

static const unsigned char BOM[3] = {0xEF, 0xBB, 0xBF};

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		cli_die(EX_DATA, "out of memory");
	return p;
}

/* libcsv field callback: copy the field into the pending record. */
static void on_field(void *s, size_t n, void *data)
{
	csv_reader *r = data;
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
	if (n && memchr(s, '\0', n))
		r->nul = 1;
	r->buf[r->used + n] = '\0';
	r->off[r->nf] = r->used;
	r->len[r->nf++] = n;
	r->used += n + 1;
}

/* libcsv record callback: hand the complete record to the user. */
static void on_record(int c, void *data)
{
	csv_reader *r = data;
	(void)c;
	if (r->nul)
		cli_die_data(r->name, r->rec_line, NULL, "NUL byte in input", NULL);
	for (size_t i = 0; i < r->nf; i++)
		r->f[i] = r->buf + r->off[i];
	csv_row row = {r->name, r->rec_line, r->nf, r->f, r->len};
	r->cb(r->ctx, &row);
	r->nf = r->used = 0;
	r->in_rec = 0;
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;  /* spaces and tabs are data, never trimmed */
}

csv_reader *csv_reader_new(const char *name, char delim,
			   csv_row_fn on_rec, void *ctx)
{
	csv_reader *r = xrealloc(NULL, sizeof *r);
	memset(r, 0, sizeof *r);
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		cli_die(EX_DATA, "out of memory");
	csv_set_delim(&r->p, (unsigned char)delim);
	csv_set_space_func(&r->p, no_space);
	r->name = name;
	r->cb = on_rec;
	r->ctx = ctx;
	r->line = 1;
	return r;
}

static void parse(csv_reader *r, const char *s, size_t n)
{
	if (csv_parse(&r->p, s, n, on_field, on_record, r) != n)
		cli_die_data(r->name, r->line, NULL,
			     "malformed CSV (a quote inside an unquoted field, "
			     "or text after a closing quote)", NULL);
}

/*
 * Feeds one segment at a time, each ending at a CR or LF, so that we know on
 * which line every record starts, whatever the chunking.
 */
void csv_reader_feed(csv_reader *r, const char *buf, size_t n)
{
	while (n && r->bom >= 0) {
		if ((unsigned char)*buf == BOM[r->bom]) {
			buf++, n--;
			if (++r->bom == 3)
				r->bom = -1;
		} else {
			/* Not a BOM after all: what matched so far is data. */
			int k = r->bom;
			r->bom = -1;
			csv_reader_feed(r, (const char *)BOM, (size_t)k);
		}
	}
	while (n) {
		size_t k = 0;
		int text = 0;
		while (k < n && buf[k] != '\n' && buf[k] != '\r')
			k++;
		text = k > 0;
		if (k < n)
			k++;  /* include the line end */
		if (text && !r->in_rec) {
			r->in_rec = 1;
			r->rec_line = r->line;
		}
		parse(r, buf, k);
		if (buf[k - 1] == '\n')
			r->line++;
		buf += k;
		n -= k;
	}
}

void csv_reader_finish(csv_reader *r)
{
	if (r->bom > 0) {
		int k = r->bom;
		r->bom = -1;
		csv_reader_feed(r, (const char *)BOM, (size_t)k);
	}
	if (csv_fini(&r->p, on_field, on_record, r) != 0)
		cli_die_data(r->name, r->rec_line, NULL,
			     "unterminated quoted field", NULL);
	csv_free(&r->p);
	free(r->buf);
	free(r->off);
	free(r->len);
	free(r->f);
	free(r);
}

/* State of csv_read() across files. */
struct reading {
	csv_row_fn on_header, on_row;
	void *ctx;
	int have_header;  /* the header has been seen, in some file */
	int file_header;  /* the current file's header has been seen */
	csv_row header;   /* a deep copy of the first header */
};

static void copy_header(csv_row *h, const csv_row *row)
{
	h->file = row->file;
	h->line = row->line;
	h->nf = row->nf;
	h->f = xrealloc(NULL, row->nf * sizeof *h->f);
	h->len = xrealloc(NULL, row->nf * sizeof *h->len);
	for (size_t i = 0; i < row->nf; i++) {
		h->len[i] = row->len[i];
		h->f[i] = xrealloc(NULL, row->len[i] + 1);
		memcpy(h->f[i], row->f[i], row->len[i] + 1);
	}
}

static int same_header(const csv_row *a, const csv_row *b)
{
	if (a->nf != b->nf)
		return 0;
	for (size_t i = 0; i < a->nf; i++)
		if (a->len[i] != b->len[i] || memcmp(a->f[i], b->f[i], a->len[i]))
			return 0;
	return 1;
}

static int dispatch(void *data, const csv_row *row)
{
	struct reading *rd = data;
	if (!rd->file_header) {
		rd->file_header = 1;
		if (!rd->have_header) {
			rd->have_header = 1;
			copy_header(&rd->header, row);
			return rd->on_header(rd->ctx, &rd->header);
		}
		if (!same_header(&rd->header, row))
			cli_die_data(row->file, row->line, NULL,
				     "header differs from that of", rd->header.file);
		return 0;
	}
	if (row->nf != rd->header.nf) {
		char msg[80];
		snprintf(msg, sizeof msg, "expected %zu fields as in the header, found %zu",
			 rd->header.nf, row->nf);
		cli_die_data(row->file, row->line, NULL, msg, NULL);
	}
	return rd->on_row(rd->ctx, row);
}

static void read_stream(struct reading *rd, FILE *fp, const char *name, char delim)
{
	static char buf[1 << 16];
	size_t n;
	csv_reader *r = csv_reader_new(name, delim, dispatch, rd);
	rd->file_header = 0;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		csv_reader_feed(r, buf, n);
	if (ferror(fp))
		cli_die(EX_IOERR_, "%s: read error: %s", name, strerror(errno));
	csv_reader_finish(r);
}

void csv_read(char *const *files, int nfiles, char delim,
	      csv_row_fn on_header, csv_row_fn on_row, void *ctx)
{
	struct reading rd = {on_header, on_row, ctx, 0, 0, {0}};
	if (nfiles == 0)
		read_stream(&rd, stdin, "stdin", delim);
	for (int i = 0; i < nfiles; i++) {
		if (strcmp(files[i], "-") == 0) {
			read_stream(&rd, stdin, "stdin", delim);
			continue;
		}
		FILE *fp = fopen(files[i], "rb");
		if (!fp)
			cli_die(EX_NOINPUT_, "%s: %s", files[i], strerror(errno));
		read_stream(&rd, fp, files[i], delim);
		fclose(fp);
	}
	if (!rd.have_header) {
		csv_row empty = {nfiles ? files[0] : "stdin", 1, 0, NULL, NULL};
		on_header(ctx, &empty);
	}
	for (size_t i = 0; i < rd.header.nf; i++)
		free(rd.header.f[i]);
	free(rd.header.f);
	free(rd.header.len);
}

size_t csv_column(const csv_row *h, const char *name)
{
	for (size_t i = 0; i < h->nf; i++)
		if (strcmp(h->f[i], name) == 0 && strlen(name) == h->len[i])
			return i;
	if (h->nf == 0)
		cli_die_data(h->file, h->line, NULL,
			     "no header row (empty input); wanted column", name);
	fprintf(stderr, "%s: %s:%ld: unknown column '%s' (columns: ",
		cli_prog, h->file, h->line, name);
	for (size_t i = 0; i < h->nf; i++)
		fprintf(stderr, "%s%s", i ? ", " : "", h->f[i]);
	fputs(")\n", stderr);
	exit(EX_DATA);
}

void csv_writer_init(csv_writer *w, FILE *fp, char delim)
{
	w->fp = fp;
	w->delim = delim;
	w->nf = 0;
	w->lone_empty = 0;
}

void csv_put(csv_writer *w, const char *s, size_t n)
{
	char special[] = {w->delim, '"', '\r', '\n', '\0'};
	int quote = 0;
	for (size_t i = 0; i < n && !quote; i++)
		quote = memchr(special, s[i], 4) != NULL;
	if (w->nf++)
		putc(w->delim, w->fp);
	w->lone_empty = w->nf == 1 && n == 0;
	if (!quote) {
		fwrite(s, 1, n, w->fp);
		return;
	}
	putc('"', w->fp);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			putc('"', w->fp);
		putc(s[i], w->fp);
	}
	putc('"', w->fp);
}

void csv_put_str(csv_writer *w, const char *s)
{
	csv_put(w, s, strlen(s));
}

void csv_put_num(csv_writer *w, double x, int digits)
{
	char buf[CLI_NUM_MAX];
	csv_put_str(w, cli_fmt_num(buf, x, digits));
}

void csv_put_int(csv_writer *w, long long x)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", x);
	csv_put_str(w, buf);
}

void csv_end_row(csv_writer *w)
{
	/* A record of one empty field would read back as a blank line. */
	if (w->nf == 1 && w->lone_empty)
		fputs("\"\"", w->fp);
	putc('\n', w->fp);
	w->nf = 0;
}
