/*
 * num.c - counts, numeric cells, option numbers and formatting (see num.h).
 */
#include "num.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *num_count(const char *s, int64_t max, int64_t *out)
{
	int64_t v = 0;
	if (*s == '\0')
		return "not a non-negative integer (empty)";
	if (strspn(s, "0123456789") != strlen(s)) {
		if (*s == '-' && s[1])
			return "not a non-negative integer (negative)";
		if (strchr(s, ' ') || strchr(s, '\t'))
			return "not a non-negative integer (spaces are not allowed)";
		if (strspn(s, "0123456789,") == strlen(s))
			return "not a non-negative integer (no thousands separators: "
			       "write 1809, not 1,809)";
		if (strspn(s, "0123456789.") == strlen(s) && strchr(s, '.') ==
		    strrchr(s, '.'))
			return "not a non-negative integer (counts have no decimal "
			       "point: write 12, not 12.0)";
		return "not a non-negative integer";
	}
	for (; *s; s++)
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, *s - '0', &v) || v > max)
			return max == INT64_MAX ? "count too large (the limit is 2^63-1)" :
			       "count too large (the limit is 2^53)";
	*out = v;
	return NULL;
}

/* strtod on a string known to hold only [+-.0-9eE]: a decimal number, or
 * not a number at all ("e", "-", "1e"). */
static int decimal(const char *s, double *out)
{
	char *end;
	if (*s == '\0' || strspn(s, "+-.0123456789eE") != strlen(s))
		return -1;
	errno = 0;
	double v = strtod(s, &end);
	if (*end != '\0' || end == s)
		return -1;
	if (errno == ERANGE && isinf(v))
		return -2;
	*out = v;
	return 0;
}

int num_cell(const char *s, double *out)
{
	*out = NAN;
	if (*s == '\0')
		return NUM_EMPTY;
	if (strcmp(s, "nan") == 0)
		return NUM_OK;
	if (strcmp(s, "inf") == 0 || strcmp(s, "-inf") == 0) {
		*out = *s == '-' ? -INFINITY : INFINITY;
		return NUM_OK;
	}
	/* Underflow to 0 or a subnormal is a value; overflow is not. */
	return decimal(s, out) == 0 ? NUM_OK : NUM_BAD;
}

int num_parse_double(const char *s, double *out)
{
	return decimal(s, out);
}

int num_parse_int(const char *s, int lo, int hi, int *out)
{
	int64_t v;
	int neg = *s == '-';
	if (num_count(s + neg, INT64_MAX, &v))
		return -1;
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		return -2;
	*out = (int)v;
	return 0;
}

char *num_fmt(char *buf, double x, int digits)
{
	if (isnan(x))
		strcpy(buf, "nan");
	else if (isinf(x))
		strcpy(buf, x > 0 ? "inf" : "-inf");
	else if (x == 0)
		strcpy(buf, "0");  /* never "-0" */
	else
		/* Rounding near DBL_MAX can pass it ("2e+308" reads as inf):
		 * such a value gets the digits it needs to read back finite. */
		do
			snprintf(buf, NUM_MAX, "%.*g", digits, x);
		while (fabs(x) > 1e308 && digits++ < 17 && isinf(strtod(buf, NULL)));
	return buf;
}
