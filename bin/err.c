/*
 * err.c - messages, exits and allocation that cannot fail (see err.h).
 */
#include "err.h"
#include "text.h"

#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

const char *err_prog = "disp";
void (*err_exit_hook)(int code);
static void (*on_exit_fn)(int code, void *ctx);
static void *on_exit_ctx;

void err_init(const char *prog)
{
	err_prog = prog;
	/* Numbers are read and written in the C locale whatever the user's
	 * environment says: a decimal comma would corrupt CSV. */
	setlocale(LC_ALL, "C");
	/* GSL's default handler abort()s; we check return values instead. */
	gsl_set_error_handler_off();
}

void err_on_exit(void (*fn)(int code, void *ctx), void *ctx)
{
	on_exit_fn = fn;
	on_exit_ctx = ctx;
}

void err_exit(int code)
{
	void (*fn)(int, void *) = on_exit_fn;
	on_exit_fn = NULL;
	if (fn)
		fn(code, on_exit_ctx);
	if (err_exit_hook)
		err_exit_hook(code);
	exit(code);
}

static void vmessage(const char *kind, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: %s", err_prog, kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void err_die(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage("", fmt, ap);
	va_end(ap);
	err_exit(code);
}

void err_usage(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage("", fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", err_prog);
	err_exit(EX_USAGE_);
}

void err_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage("warning: ", fmt, ap);
	va_end(ap);
}

void err_data(const char *file, long line, const char *col, const char *msg,
	      const char *value)
{
	fprintf(stderr, "%s: %s:%ld: ", err_prog, err_show(file), line);
	if (col)
		fprintf(stderr, "column '%s': ", err_show(col));
	fputs(msg, stderr);
	if (value)
		fprintf(stderr, ": '%s'", err_show(value));
	fputc('\n', stderr);
	err_exit(EX_DATA);
}

void err_nomem(void)
{
	err_die(EX_NOMEM, "out of memory");
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		err_nomem();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		err_nomem();
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

/* Values quoted in a message are cut here: a 1 MB field is not echoed. */
#define SHOW_MAX 200

const char *err_show_n(const char *s, size_t len)
{
	static char buf[4][4 * SHOW_MAX + 4];
	static int next;
	char *b = buf[next++ % 4];
	size_t n = text_escape(b, s, len > SHOW_MAX ? SHOW_MAX : len);
	if (len > SHOW_MAX)
		strcpy(b + n, "...");
	return b;
}

const char *err_show(const char *s)
{
	return err_show_n(s, strlen(s));
}
