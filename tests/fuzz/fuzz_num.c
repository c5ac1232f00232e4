/*
 * fuzz_num.c - the numeric cell reader and the count reader on arbitrary
 * bytes.  Beyond not crashing: a cell that reads as a number formats and
 * reads back to the same number at 17 digits (what one filter writes the
 * next reads), and a count is digits only, within its maximum.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';

	double x;
	if (num_cell(s, &x) == NUM_OK) {
		char buf[NUM_MAX];
		double y;
		num_fmt(buf, x, 17);
		if (num_cell(buf, &y) != NUM_OK ||
		    !(y == x || (isnan(x) && isnan(y))))
			abort();
		if (strcmp(buf, "-0") == 0)
			abort();
	}
	int64_t c;
	if (num_count(s, INT64_C(9007199254740992), &c) == NULL) {
		if (c < 0 || c > INT64_C(9007199254740992))
			abort();
		for (const char *p = s; *p; p++)
			if (*p < '0' || *p > '9')
				abort();
	}
	free(s);
	return 0;
}
