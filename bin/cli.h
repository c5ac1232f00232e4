/*
 * cli.h - command-line plumbing shared by every filter: the program name,
 * error reporting with the project's exit codes, strict number parsing and
 * locale-independent number printing.  The statistics library never prints;
 * everything a user sees goes through here.
 */
#ifndef DISP_CLI_H
#define DISP_CLI_H

#include <stdint.h>
#include <stdio.h>

/* Exit statuses (sysexits.h values, written out so we do not depend on it). */
enum {
	EX_OK_ = 0,
	EX_CHECK = 1,     /* a check failed (only tools that check something) */
	EX_USAGE_ = 64,   /* bad command line */
	EX_DATA = 65,     /* bad input data */
	EX_NOINPUT_ = 66, /* cannot open an input */
	EX_IOERR_ = 74    /* cannot write output */
};

/* Name used as the prefix of every message; set once by cli_init(). */
extern const char *cli_prog;

/*
 * Common start of every main(): records the program name, forces the "C"
 * numeric locale (a decimal comma would break CSV) and switches off GSL's
 * abort()-ing error handler.
 */
void cli_init(const char *prog);

/* "PROG: MESSAGE" on stderr, then exit(code). */
void cli_die(int code, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));

/* Usage error: "PROG: MESSAGE" and "Try 'PROG --help' ..." then exit 64. */
void cli_usage_error(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));

/*
 * Bad data: "PROG: FILE:LINE: column 'COL': MESSAGE: 'VALUE'" then exit 65.
 * col or value may be NULL to leave that part out.
 */
void cli_die_data(const char *file, long line, const char *col,
		  const char *msg, const char *value)
	__attribute__((noreturn));

/* Prints "PROG VERSION" and exits 0. */
void cli_version(void) __attribute__((noreturn));

/* Flushes and closes stdout; on failure reports "write error" and exits 74. */
void cli_close_stdout(void);

/*
 * Strict parsers: the whole string must be the number, with no spaces, signs
 * where not allowed, or trailing text.  Return 0 on success, -1 on a
 * malformed value, -2 when out of range.
 */
int cli_parse_count(const char *s, int64_t *out);   /* [0, INT64_MAX] */
int cli_parse_double(const char *s, double *out);   /* finite only */
int cli_parse_int(const char *s, int lo, int hi, int *out);

/*
 * Formats x with `digits` significant digits ("%.*g") in the C locale.
 * NaN is "nan", infinities "inf" and "-inf", and zero of either sign "0".
 * buf must hold CLI_NUM_MAX bytes.
 */
#define CLI_NUM_MAX 40
char *cli_fmt_num(char *buf, double x, int digits);

/* Case-insensitive ASCII comparison (no locale). */
int cli_strcaseeq(const char *a, const char *b);

#endif
