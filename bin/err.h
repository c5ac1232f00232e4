/*
 * err.h - what every filter tells its user when something goes wrong: the
 * program name, the exit statuses, errors, warnings, and names shown safely.
 *
 * Every exit of the kit goes through err_exit(), which a fuzzing harness
 * can redirect (err_exit_hook) to get control back instead of the process
 * ending, and which first runs the one callback a filter may register
 * (err_on_exit) for work due on any exit: disp-count writes its row ledger
 * there.  The statistics library never prints; everything a user sees
 * comes through here.
 */
#ifndef DISP_ERR_H
#define DISP_ERR_H

#include <stddef.h>
#include <stdio.h>

/* Exit statuses (sysexits.h values, written out so we do not depend on it). */
enum {
	EX_CHECK = 1,     /* a check failed (only tools that check something) */
	EX_USAGE_ = 64,   /* bad command line */
	EX_DATA = 65,     /* bad input data */
	EX_NOINPUT_ = 66, /* an input cannot be opened or read */
	EX_NOPROG = 69,   /* a needed program (gnuplot) is missing */
	EX_PROGFAIL = 70, /* a program we ran (gnuplot) failed */
	EX_NOMEM = 71,    /* out of memory (sysexits' EX_OSERR) */
	EX_IOERR_ = 74    /* output cannot be written */
};

/* Name used as the prefix of every message; set once by err_init(). */
extern const char *err_prog;

/*
 * Common start of every main(): records the program name, forces the "C"
 * numeric locale (a decimal comma would break CSV) and switches off GSL's
 * abort()-ing error handler.
 */
void err_init(const char *prog);

/* When set, err_exit() calls it instead of exit(); it must not return
 * (a harness longjmp()s out).  NULL: exit(). */
extern void (*err_exit_hook)(int code);
void err_exit(int code) __attribute__((noreturn));

/* Registers fn(code, ctx) to run once, first thing in the next err_exit()
 * (usage and data errors, --help, a write error: every exit but main's
 * return).  It is unregistered before it runs, so an error inside it exits
 * plainly.  fn NULL: none. */
void err_on_exit(void (*fn)(int code, void *ctx), void *ctx);

/* "PROG: MESSAGE" on stderr, then err_exit(code). */
void err_die(int code, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));

/* Usage error: "PROG: MESSAGE" and "Try 'PROG --help' ..." then exit 64. */
void err_usage(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));

/*
 * Bad data: "PROG: FILE:LINE: column 'COL': MESSAGE: 'VALUE'" then exit 65.
 * col or value may be NULL to leave that part out; col and value are shown
 * through err_show().
 */
void err_data(const char *file, long line, const char *col, const char *msg,
	      const char *value) __attribute__((noreturn));

/* "PROG: warning: MESSAGE" on stderr; the run goes on.  The one place a
 * warning is written, so every warning looks the same. */
void err_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Out of memory: exit EX_NOMEM. */
void err_nomem(void) __attribute__((noreturn));

/* malloc/realloc/strdup that never return NULL (err_nomem instead). */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* s (len bytes, or a string) made safe to show in a message (see
 * text_escape); long values are cut with "...".  The result lives in one of
 * a few rotating static buffers: enough for one message. */
const char *err_show_n(const char *s, size_t len);
const char *err_show(const char *s);

#endif
