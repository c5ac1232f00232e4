/*
 * tap.h - a minimal TAP producer for the unit tests, in the manner of GSL's
 * gsl_test_rel(): each check prints one "ok N - ..." or "not ok N - ..."
 * line, and tap_done() prints the plan and returns the exit status.
 */
#ifndef DISP_TAP_H
#define DISP_TAP_H

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

static int tap_n, tap_failed;

static void tap_result(int ok, const char *fmt, va_list ap)
{
	tap_n++;
	if (!ok)
		tap_failed++;
	printf("%sok %d - ", ok ? "" : "not ", tap_n);
	vprintf(fmt, ap);
	putchar('\n');
}

/* Asserts cond. */
static inline void tap_ok(int cond, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static inline void tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tap_result(cond, fmt, ap);
	va_end(ap);
}

/* Relative error of got against want; equal non-finite values count as 0. */
static inline double tap_relerr(double got, double want)
{
	if (isnan(want) || isnan(got))
		return isnan(want) && isnan(got) ? 0 : INFINITY;
	if (isinf(want) || isinf(got))
		return got == want ? 0 : INFINITY;
	if (want == 0)
		return fabs(got);
	return fabs(got - want) / fabs(want);
}

/*
 * Passes when got agrees with want to relative tolerance tol (an absolute
 * tolerance when want is 0).  The message shows both values in full.
 */
static inline void tap_rel(double got, double want, double tol,
			   const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static inline void tap_rel(double got, double want, double tol,
			   const char *fmt, ...)
{
	va_list ap;
	double e = tap_relerr(got, want);
	va_start(ap, fmt);
	tap_result(e <= tol, fmt, ap);
	va_end(ap);
	if (e > tol)
		printf("#   got %.17g want %.17g relerr %.3g > %.3g\n",
		       got, want, e, tol);
}

/* Prints the plan; returns the process exit status. */
static inline int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
