/*
 * fuzz_published.c - disp-check's reader of published figures
 * (bin/published.c) on arbitrary text.  Beyond not crashing:
 *  - a figure that reads is well formed: one or two numbers, a unit and a
 *    qualifier it names, a count after "in" or "per", a word's fraction;
 *  - it round-trips: written back in a plain spelling (qualifier, digits
 *    with an exponent for the precision, unit) it reads as the same value,
 *    to the same precision;
 *  - each number's rounding interval holds it: the exact value of the
 *    decimal, rounded at the decimal's own precision by every rule, gives
 *    the decimal again (so a figure is always consistent with itself);
 *  - pub_qualifier() reads back every qualifier's own name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "published.h"

static const char *const UNIT[] = {"", "%", "", "", " times", " points"};

/* d as digits and an exponent: 71 and 2 as "71e-2", -13 and 0 as "-13". */
static int dec(char *buf, size_t size, dsp_decimal d)
{
	if (d.scale == 0)
		return snprintf(buf, size, "%s%llu", d.neg ? "-" : "",
				(unsigned long long)d.digits);
	return snprintf(buf, size, "%s%llue%d", d.neg ? "-" : "",
			(unsigned long long)d.digits, -d.scale);
}

static void respell(const pub_value *v, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s ", pub_qual_name(v->qual));
	if (v->word) {
		snprintf(buf + n, size - (size_t)n, "%s", v->wtext);
		return;
	}
	n += dec(buf + n, size - (size_t)n, v->d[0]);
	if (v->n == 2) {
		n += snprintf(buf + n, size - (size_t)n, " to ");
		n += dec(buf + n, size - (size_t)n, v->d[1]);
	}
	if (v->unit == PUB_IN)
		snprintf(buf + n, size - (size_t)n, " in %llu", (unsigned long long)v->per);
	else if (v->unit == PUB_PER)
		snprintf(buf + n, size - (size_t)n, " per %llu", (unsigned long long)v->per);
	else
		snprintf(buf + n, size - (size_t)n, "%s", UNIT[v->unit]);
}

static int same_dec(dsp_decimal a, dsp_decimal b)
{
	return a.digits == b.digits && a.scale == b.scale && a.neg == b.neg;
}

/* The decimal's exact value as a rational, when it fits in 128 bits. */
static int exact(dsp_decimal d, dsp_rational *q)
{
	dsp_u128 p = 1;
	int s = d.scale < 0 ? -d.scale : d.scale;
	if (s > 19)
		return 0;
	for (int i = 0; i < s; i++)
		p *= 10;
	*q = d.scale >= 0 ? dsp_q(d.digits, p, d.neg) : dsp_q((dsp_u128)d.digits * p, 1, d.neg);
	return 1;
}

static void holds_itself(dsp_decimal d)
{
	dsp_rational q;
	if (!exact(d, &q))
		return;
	if (dsp_q_cmp(q, d) != 0)
		abort();
	for (int rule = 0; rule < DSP_NRULES; rule++) {
		dsp_decimal r;
		if (dsp_q_round_cmp(q, d, rule) != 0)
			abort();
		if (dsp_q_round(q, d.scale, rule, &r) == 0 && dsp_q_cmp(q, r) != 0)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';

	pub_value v;
	if (pub_parse(s, &v) == NULL) {
		if (v.n < 1 || v.n > 2 || v.qual > PUB_JUST_UNDER || v.unit > PUB_POINTS)
			abort();
		if ((v.unit == PUB_IN || v.unit == PUB_PER) && v.per == 0)
			abort();
		if (v.word && (v.wden == 0 || !memchr(v.wtext, '\0', sizeof v.wtext)))
			abort();
		for (int i = 0; !v.word && i < v.n; i++)
			holds_itself(v.d[i]);

		/* Exponents past what the reader takes (5 digits) are left out. */
		int plain = 1;
		for (int i = 0; i < v.n; i++)
			plain &= v.d[i].scale > -9000 && v.d[i].scale < 9000;
		char buf[256];
		pub_value w;
		respell(&v, buf, sizeof buf);
		if (plain) {
			const char *why = pub_parse(buf, &w);
			if (why) {
				fprintf(stderr, "'%s' read, '%s' not: %s\n", s, buf, why);
				abort();
			}
			int same = w.qual == v.qual && w.n == v.n && w.word == v.word &&
				   w.unit == v.unit && w.per == v.per;
			if (v.word)
				same &= w.wnum == v.wnum && w.wden == v.wden;
			else
				for (int i = 0; i < v.n; i++)
					same &= same_dec(w.d[i], v.d[i]);
			if (!same) {
				fprintf(stderr, "'%s' reads otherwise as '%s'\n", s, buf);
				abort();
			}
		}
	}

	pub_qual q;
	if (pub_qualifier(s, &q) == 0) {
		pub_qual r;
		if (q > PUB_JUST_UNDER || pub_qualifier(pub_qual_name(q), &r) || r != q)
			abort();
	}
	free(s);
	return 0;
}
