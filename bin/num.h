/*
 * num.h - numbers in and out, in the C locale whatever the environment:
 * counts, numeric cells as one filter writes them and another reads them
 * back, option values, and the one number formatter.
 */
#ifndef DISP_NUM_H
#define DISP_NUM_H

#include <stdint.h>

/*
 * A count: digits only, at most max.  Returns NULL and stores it, or the
 * reason it is not one, with a hint where the mistake is a common one
 * ("1,809": thousands separators; "1.0": a decimal point; "-3"; " 12":
 * spaces; empty).
 */
const char *num_count(const char *s, int64_t max, int64_t *out);

/* What a numeric cell holds. */
enum { NUM_OK, NUM_EMPTY, NUM_BAD };

/*
 * A numeric cell: exactly what num_fmt writes, "inf", "-inf" and "nan" too,
 * and any decimal number without spaces ("0.70", "-1e-5", "12").  An empty
 * cell is NUM_EMPTY ("not applicable", *out = NaN); anything else NUM_BAD.
 */
int num_cell(const char *s, double *out);

/* An option's number: a finite decimal, no inf or nan.  0, or -1 when
 * malformed and -2 when out of range. */
int num_parse_double(const char *s, double *out);
int num_parse_int(const char *s, int lo, int hi, int *out);

/*
 * Formats x with `digits` significant digits ("%.*g") in the C locale.
 * NaN is "nan", infinities "inf" and "-inf", and zero of either sign "0";
 * a value so near DBL_MAX that its rounding would overflow gets the digits
 * it needs, so that num_cell always reads back what this writes.  buf must
 * hold NUM_MAX bytes.
 */
#define NUM_MAX 32
char *num_fmt(char *buf, double x, int digits);

#endif
