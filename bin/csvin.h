/*
 * csvin.h - the CSV input every filter streams through.
 *
 * Reading is push-style over libcsv in strict mode: csvin_read() parses the
 * named files (or stdin) and calls back once with the header and once per
 * data row, so memory never depends on the number of rows.  It accepts LF,
 * CRLF and CR line ends, a UTF-8 byte-order mark, and quoted fields holding
 * delimiters, quotes and newlines.  Spaces are data: nothing is trimmed.
 * Blank lines carry no record (write "" for a lone empty field).
 *
 * Malformed input (bad quoting, a row whose field count differs from the
 * header, a NUL byte, files with different headers) is reported as
 * "PROG: FILE:LINE: ..." and exits 65; an input that cannot be opened or
 * read (a directory, a read error) exits 66; memory exhaustion exits 71.
 */
#ifndef DISP_CSVIN_H
#define DISP_CSVIN_H

#include <stddef.h>

/* One record as handed to a callback.  Valid only during the callback,
 * except the header handed to on_header, which stays valid until
 * csvin_read returns (so that row callbacks can name columns). */
typedef struct {
	const char *file;  /* name for messages: the path, or "stdin" */
	long line;         /* line on which the record starts (1 = header) */
	size_t nf;         /* number of fields */
	char **f;          /* NUL-terminated field values */
	size_t *len;       /* their lengths */
} csvin_row;

/* Callback; the return value is ignored (reserved: 0 = go on). */
typedef int (*csvin_fn)(void *ctx, const csvin_row *row);

/*
 * Reads files[0..nfiles-1] in order ("-" is stdin; nfiles == 0 reads stdin).
 * on_header is called once, with the first file's header; every later file
 * must have an identical header.  on_row is called for each data row, whose
 * field count is already checked against the header.  An empty input (no
 * header at all) calls on_header with nf == 0 and no rows.
 */
void csvin_read(char *const *files, int nfiles, char delim,
		csvin_fn on_header, csvin_fn on_row, void *ctx);

/*
 * csvin_read() for a filter with a faster way to take the records after
 * the header (disp-count's tally): csvin opens each input and reads and
 * checks its header as usual, then hands the rest to body() in a
 * csvin_body.  body() returns 0 when it has taken every record to the end
 * of the input, or 1 to give the rest back: strict reading, with its exact
 * messages, resumes at b->line with b->rest[0 .. b->nrest) (malloc'd, or
 * NULL) and then what remains to be read from b->fd.
 */
typedef struct {
	const char *file;   /* name for messages */
	int fd;             /* the input, positioned after buf[0 .. len) */
	const char *buf;    /* bytes already read past the header */
	size_t len;
	long line;          /* the line the body starts on; set on return 1 */
	size_t nf;          /* the header's field count */
	char *rest;         /* on return 1: where strict reading resumes */
	size_t nrest;
} csvin_body;

typedef int (*csvin_body_fn)(void *ctx, csvin_body *b);

void csvin_read_body(char *const *files, int nfiles, char delim,
		     csvin_fn on_header, csvin_fn on_row, csvin_body_fn body,
		     void *ctx);

/*
 * csvin_read_body() that also calls on_input(ctx, name) as each input
 * starts, before it is opened, with the name its rows carry ("stdin" for
 * stdin or "-"): so that whatever happens next, the caller knows which
 * input it happened in (disp-count's ledger).  on_input and body may be
 * NULL.
 */
void csvin_read_inputs(char *const *files, int nfiles, char delim,
		       void (*on_input)(void *ctx, const char *name),
		       csvin_fn on_header, csvin_fn on_row, csvin_body_fn body,
		       void *ctx);

/*
 * Low-level incremental interface, used by csvin_read() and by the test that
 * replays inputs at every chunk size.  Feed bytes in any split; results do
 * not depend on where the input is split.
 */
typedef struct csvin_reader csvin_reader;
csvin_reader *csvin_reader_new(const char *name, char delim,
			       csvin_fn on_record, void *ctx);
void csvin_reader_feed(csvin_reader *r, const char *buf, size_t len);
void csvin_reader_finish(csvin_reader *r);   /* end of input; frees r */

/*
 * The column called name in a header row.  An unknown name exits 65 with
 * "PROG: FILE:1: unknown column 'NAME' (columns: a, b, c)", and a hint when
 * the header is one column holding ';' or TAB (a wrong delimiter); a name
 * that appears twice in the header exits 65 too.
 */
size_t csvin_column(const csvin_row *header, const char *name);

/* The same for a column that may be absent: -1 when it is. */
long csvin_find(const csvin_row *header, const char *name);

/*
 * Field i of row r as a number, as num_cell reads it (numbers, inf, -inf,
 * nan; empty is NaN); NaN when i < 0 (a column the table does not have).
 * Anything else exits 65 naming the file, line, column col and the value.
 */
double csvin_number(const csvin_row *r, long i, const char *col);

#endif
