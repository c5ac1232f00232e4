/*
 * csvio.h - the CSV layer every filter streams through.
 *
 * Reading is push-style over libcsv in strict mode: csv_read() parses the
 * named files (or stdin) and calls back once with the header and once per
 * data row, so memory never depends on the number of rows.  It accepts LF
 * and CRLF line ends, a UTF-8 byte-order mark, and quoted fields holding
 * delimiters, quotes and newlines.  Spaces are data: nothing is trimmed.
 * Blank lines carry no record (write "" for a lone empty field).
 *
 * Any malformed input (bad quoting, a row whose field count differs from the
 * header, a NUL byte, files with different headers) is reported as
 * "PROG: FILE:LINE: ..." and exits 65; an unopenable file exits 66.
 */
#ifndef DISP_CSVIO_H
#define DISP_CSVIO_H

#include <stddef.h>
#include <stdio.h>

/* One record as handed to a callback.  Valid only during the callback. */
typedef struct {
	const char *file;  /* name for messages: the path, or "stdin" */
	long line;         /* line on which the record starts (1 = header) */
	size_t nf;         /* number of fields */
	char **f;          /* NUL-terminated field values */
	size_t *len;       /* their lengths */
} csv_row;

/* Callback; the return value is ignored for now (reserved: 0 = go on). */
typedef int (*csv_row_fn)(void *ctx, const csv_row *row);

/*
 * Reads files[0..nfiles-1] in order ("-" is stdin; nfiles == 0 reads stdin).
 * on_header is called once, with the first file's header; every later file
 * must have an identical header.  on_row is called for each data row, whose
 * field count is already checked against the header.  An empty input (no
 * header at all) calls on_header with nf == 0 and no rows.
 */
void csv_read(char *const *files, int nfiles, char delim,
	      csv_row_fn on_header, csv_row_fn on_row, void *ctx);

/*
 * Low-level incremental interface, used by csv_read() and by the test that
 * replays inputs at every chunk size.  Feed bytes in any split; results do
 * not depend on where the input is split.
 */
typedef struct csv_reader csv_reader;
csv_reader *csv_reader_new(const char *name, char delim,
			   csv_row_fn on_record, void *ctx);
void csv_reader_feed(csv_reader *r, const char *buf, size_t len);
void csv_reader_finish(csv_reader *r);   /* end of input; frees r */

/*
 * Finds the column called name in a header row; returns its index, or exits
 * 65 with "PROG: FILE:1: unknown column 'NAME' (columns: a, b, c)".
 */
size_t csv_column(const csv_row *header, const char *name);

/* Output: RFC 4180, quoting only fields that need it. */
typedef struct {
	FILE *fp;
	char delim;
	size_t nf;     /* fields written on the current line */
	int lone_empty; /* the only field so far is empty */
} csv_writer;

void csv_writer_init(csv_writer *w, FILE *fp, char delim);
void csv_put(csv_writer *w, const char *s, size_t len);
void csv_put_str(csv_writer *w, const char *s);
void csv_put_num(csv_writer *w, double x, int digits);   /* cli_fmt_num */
void csv_put_int(csv_writer *w, long long x);
/* Ends the line with "\n" (LF, the Unix convention; readers accept CRLF). */
void csv_end_row(csv_writer *w);

#endif
