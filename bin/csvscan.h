/*
 * csvscan.h - the fast record scanner behind disp-count's fast reader.
 *
 * csvscan_record() splits one RFC 4180 record out of a buffer without
 * copying it: each field is a pointer and a length into the buffer (for a
 * quoted field, the bytes between its quotes, doubled quotes still
 * doubled).  It finds delimiters, line ends and quotes 16 bytes at a time
 * with SSE2 where the compiler has it, a byte at a time elsewhere.
 *
 * It takes only what it is sure the strict reader (csvin over libcsv)
 * reads the same way: LF and CRLF line ends, quoted fields with doubled
 * quotes and embedded line ends, blank lines, the header's field count.
 * Anything else, a lone CR, a NUL byte, a quote inside an unquoted field,
 * text after a closing quote, an unterminated quote, a row with another
 * field count, it reports as CSVSCAN_ODD at the start of that record and
 * leaves to the strict reader, which then says exactly what is wrong (or
 * reads it, in the lone-CR case).
 */
#ifndef DISP_CSVSCAN_H
#define DISP_CSVSCAN_H

#include <stddef.h>

/* Readable bytes a buffer must have past its end (they are never data). */
#define CSVSCAN_PAD 64

typedef struct {
	const char *p;   /* the field's bytes (inside the quotes, if quoted) */
	size_t len;
	int escaped;     /* quoted and holding "" pairs: unescape before use */
} csvscan_field;

enum {
	CSVSCAN_RECORD,  /* a record: f[0..nf-1], *next after its line end */
	CSVSCAN_MORE,    /* the buffer ends inside a record: more bytes needed */
	CSVSCAN_END,     /* at eof: no more records (*next = end) */
	CSVSCAN_ODD      /* *next: the start of a record for the strict reader */
};

/*
 * Scans from p (the start of a record, or blank lines before one) to end;
 * eof says no bytes follow end.  delim is the field delimiter (not a
 * quote, CR, LF or NUL); nf the header's field count, the size of f.
 * want[0 .. nwant), ascending, are the fields the caller reads: only they
 * are sure to be set in f (want NULL: all fields).
 * *next is where scanning stopped: after the record, or at the start of
 * the odd record; *lines grows by the line ends passed (LF, CRLF), those
 * inside quoted fields too.  With CSVSCAN_MORE nothing is consumed (*next
 * = p, *lines unchanged).  Bytes end[0 .. CSVSCAN_PAD-1] must be readable.
 */
int csvscan_record(const char *p, const char *end, int eof, char delim,
		   size_t nf, const size_t *want, size_t nwant, csvscan_field *f,
		   const char **next, long *lines);

/*
 * Many records at once, from p (the start of a record): while the next
 * record starts before stop (<= end), lies whole before end and is of the
 * common kind (no quote, NUL or lone CR; LF or CRLF line end; nf fields),
 * sets the fields in want (as csvscan_record) and calls fn(ctx, f).  Each
 * byte is classified once, 64 at a time.  Returns where it stopped: at the
 * first record it did not take (blank lines too), or one fn returned 0
 * for; the caller's csvscan_record() then goes on from there.  *lines grows
 * by the records taken.  Bytes end[0 .. CSVSCAN_PAD-1] must be readable.
 */
const char *csvscan_run(const char *p, const char *end, const char *stop,
			char delim, size_t nf, const size_t *want, size_t nwant,
			csvscan_field *f, int (*fn)(void *ctx, const csvscan_field *f),
			void *ctx, long *lines);

/* Copies a quoted field's content to dst (len bytes at most) with each ""
 * made ", returning the length written. */
size_t csvscan_unescape(const csvscan_field *f, char *dst);

#endif
