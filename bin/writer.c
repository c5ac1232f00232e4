/*
 * writer.c - CSV and aligned-table output from one list of columns (see
 * writer.h).
 */
#include "writer.h"
#include "err.h"
#include "num.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

struct wr_table {
	FILE *fp;
	wr_opts o;
	const wr_col *cols;
	size_t ncol, col;   /* columns; cells written in the current row */
	/* pretty: every cell kept, escaped, row after row */
	char **cell;
	size_t ncell, cap;
};

/* One CSV field, quoted when it holds the delimiter, a quote, CR or LF, or
 * starts with a byte-order mark. */
static void put_field(wr_table *w, const char *s, size_t n)
{
	FILE *fp = w->fp;
	int quote = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == w->o.delim || s[i] == '"' || s[i] == '\r' ||
			s[i] == '\n';
	if (w->col)
		putc(w->o.delim, fp);
	/* A record of one empty field would read back as a blank line. */
	if (n == 0 && w->ncol == 1)
		quote = 1;
	if (!quote) {
		fwrite(s, 1, n, fp);
		return;
	}
	putc('"', fp);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			putc('"', fp);
		putc(s[i], fp);
	}
	putc('"', fp);
}

static void keep(wr_table *w, const char *s, size_t n)
{
	if (w->ncell == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->cell = xrealloc(w->cell, w->cap * sizeof *w->cell);
	}
	char *e = xmalloc(4 * n + 1);
	text_escape(e, s, n);
	w->cell[w->ncell++] = e;
}

void wr_text(wr_table *w, const char *s, size_t n)
{
	if (w->col == w->ncol)
		abort();  /* more cells than columns: a bug in the filter */
	if (w->o.pretty)
		keep(w, s, n);
	else
		put_field(w, s, n);
	w->col++;
}

void wr_str(wr_table *w, const char *s)
{
	wr_text(w, s, strlen(s));
}

void wr_num(wr_table *w, double x)
{
	char buf[NUM_MAX];
	wr_str(w, num_fmt(buf, x, w->o.digits));
}

void wr_int(wr_table *w, int64_t x)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%lld", (long long)x);
	wr_str(w, buf);
}

void wr_empty(wr_table *w)
{
	wr_text(w, "", 0);
}

void wr_end_row(wr_table *w)
{
	if (w->col != w->ncol)
		abort();
	if (!w->o.pretty)
		putc('\n', w->fp);
	w->col = 0;
}

wr_table *wr_begin(FILE *fp, const wr_opts *o, const wr_col *cols, size_t ncol)
{
	wr_table *w = xmalloc(sizeof *w);
	*w = (wr_table){fp, *o, cols, ncol, 0, NULL, 0, 0};
	for (size_t c = 0; c < ncol; c++)
		wr_str(w, cols[c].name);
	wr_end_row(w);
	return w;
}

/* The aligned table: widths by display width; numbers right-aligned,
 * text left-aligned, and nothing after a row's last cell (no trailing
 * spaces). */
static void write_pretty(wr_table *w)
{
	size_t nrow = w->ncell / w->ncol, *width = xmalloc(w->ncol * sizeof *width);
	for (size_t c = 0; c < w->ncol; c++) {
		width[c] = 0;
		for (size_t r = 0; r < nrow; r++) {
			const char *s = w->cell[r * w->ncol + c];
			size_t d = text_width(s, strlen(s));
			width[c] = d > width[c] ? d : width[c];
		}
	}
	for (size_t r = 0; r < nrow; r++) {
		char **row = w->cell + r * w->ncol;
		size_t last = 0;
		for (size_t c = 0; c < w->ncol; c++)
			if (*row[c])
				last = c;
		for (size_t c = 0; c <= last; c++) {
			size_t d = text_width(row[c], strlen(row[c]));
			size_t pad = width[c] - d;
			int left = w->cols[c].align == WR_TEXT;
			if (c)
				fputs("  ", w->fp);
			for (size_t i = 0; !left && i < pad; i++)
				putc(' ', w->fp);
			fputs(row[c], w->fp);
			for (size_t i = 0; left && c != last && i < pad; i++)
				putc(' ', w->fp);
		}
		putc('\n', w->fp);
	}
	free(width);
}

void wr_finish(wr_table *w)
{
	if (w->o.pretty)
		write_pretty(w);
	for (size_t i = 0; i < w->ncell; i++)
		free(w->cell[i]);
	free(w->cell);
	free(w);
}
