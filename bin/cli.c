/*
 * cli.c - error reporting, strict number parsing and number printing shared
 * by every filter (see cli.h).
 */
#include "cli.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#ifndef DISP_VERSION
#define DISP_VERSION "unknown"
#endif

const char *cli_prog = "disp";

void cli_init(const char *prog)
{
	cli_prog = prog;
	/* Numbers are read and written in the C locale whatever the user's
	 * environment says: a decimal comma would corrupt CSV. */
	setlocale(LC_ALL, "C");
	/* GSL's default handler abort()s; we check return values instead. */
	gsl_set_error_handler_off();
}

static void vmessage(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", cli_prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void cli_die(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	exit(code);
}

void cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", cli_prog);
	exit(EX_USAGE_);
}

void cli_die_data(const char *file, long line, const char *col,
		  const char *msg, const char *value)
{
	fprintf(stderr, "%s: %s:%ld: ", cli_prog, file, line);
	if (col)
		fprintf(stderr, "column '%s': ", col);
	fputs(msg, stderr);
	if (value)
		fprintf(stderr, ": '%s'", value);
	fputc('\n', stderr);
	exit(EX_DATA);
}

void cli_version(void)
{
	printf("%s (disparity) %s\n", cli_prog, DISP_VERSION);
	cli_close_stdout();
	exit(0);
}

void cli_close_stdout(void)
{
	/* fflush then fclose: either can be where a full disk shows up. */
	int bad = ferror(stdout) | (fflush(stdout) != 0);
	bad |= fclose(stdout) != 0;
	if (bad)
		cli_die(EX_IOERR_, "write error: %s", strerror(errno ? errno : EIO));
}

int cli_parse_count(const char *s, int64_t *out)
{
	int64_t v = 0;
	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, *s - '0', &v))
			return -2;
	}
	*out = v;
	return 0;
}

int cli_parse_double(const char *s, double *out)
{
	char *end;
	/* strtod accepts "inf", "nan", hex floats and leading spaces; a
	 * statistics tool wants none of them in a parameter. */
	if (*s == '\0' || strspn(s, "+-.0123456789eE") != strlen(s))
		return -1;
	errno = 0;
	double v = strtod(s, &end);
	if (*end != '\0' || end == s)
		return -1;
	if (errno == ERANGE || !isfinite(v))
		return -2;
	*out = v;
	return 0;
}

int cli_parse_int(const char *s, int lo, int hi, int *out)
{
	int64_t v;
	int neg = *s == '-';
	int r = cli_parse_count(s + neg, &v);
	if (r)
		return r;
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		return -2;
	*out = (int)v;
	return 0;
}

char *cli_fmt_num(char *buf, double x, int digits)
{
	if (isnan(x))
		strcpy(buf, "nan");
	else if (isinf(x))
		strcpy(buf, x > 0 ? "inf" : "-inf");
	else if (x == 0)
		strcpy(buf, "0");  /* never "-0" */
	else
		snprintf(buf, CLI_NUM_MAX, "%.*g", digits, x);
	return buf;
}

int cli_strcaseeq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		int ca = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a;
		int cb = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;
		if (ca != cb)
			return 0;
	}
	return *a == *b;
}
