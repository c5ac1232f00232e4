/*
 * writer.h - the one writer of every filter's output: CSV (RFC 4180, any
 * one-byte delimiter) or, with --pretty, an aligned table for reading, both
 * from one list of columns.
 *
 * A table is written row by row, cell by cell.  CSV streams: each row goes
 * out as it ends, quoting only the fields that need it (and a field that
 * starts with a UTF-8 byte-order mark, which a reader would strip).  A
 * pretty table is kept until wr_finish(), which aligns it by display width
 * (text left, numbers right), escapes control characters, and ends each
 * line at its last non-empty cell.  Numbers go through num_fmt().
 */
#ifndef DISP_WRITER_H
#define DISP_WRITER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
	char delim;   /* CSV delimiter */
	int pretty;   /* aligned table instead of CSV */
	int digits;   /* significant digits of numbers */
} wr_opts;

/* How a column aligns in a pretty table. */
enum wr_align { WR_TEXT, WR_NUM };

typedef struct {
	const char *name;
	enum wr_align align;
} wr_col;

typedef struct wr_table wr_table;

/* Starts a table of ncol columns on fp; CSV writes the header at once. */
wr_table *wr_begin(FILE *fp, const wr_opts *o, const wr_col *cols, size_t ncol);

/* The next cell of the current row. */
void wr_text(wr_table *w, const char *s, size_t len);
void wr_str(wr_table *w, const char *s);
void wr_num(wr_table *w, double x);
void wr_int(wr_table *w, int64_t x);
void wr_empty(wr_table *w);

/* Ends the current row (it must have ncol cells). */
void wr_end_row(wr_table *w);

/* Writes what is kept (pretty) and frees w. */
void wr_finish(wr_table *w);

#endif
