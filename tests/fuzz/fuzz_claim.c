/*
 * fuzz_claim.c - a published claim checked against counts (bin/claim.c),
 * both from the fuzzer's bytes: byte 0 the kind, bytes 1-12 four counts
 * of up to 2^24 (events, total, the reference's events and total; a
 * count of 0xFFFFFF is unknown), the rest the figure as written.  Beyond
 * not crashing:
 *  - a result's interval is ordered (lo <= hi where both are numbers);
 *  - the reason and the counts needed are strings;
 *  - a figure the counts give is consistent with them: the exact value
 *    of a percentage (100 x/n) or a rate ratio (x n2 / (x2 n)), worked
 *    here from the counts and rounded half up at 0 to 4 decimals, checks
 *    as consistent whatever the text given (byte 0's top bits pick the
 *    decimals).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claim.h"

static int64_t count(const uint8_t *p)
{
	int64_t v = (int64_t)p[0] << 16 | (int64_t)p[1] << 8 | p[2];
	return v == 0xFFFFFF ? -1 : v;
}

static void check(const claim *c, const claim_counts *k)
{
	claim_result r;
	claim_check(c, k, &r);
	if (!isnan(r.lo) && !isnan(r.hi) && !(r.lo <= r.hi)) {
		fprintf(stderr, "interval %.17g to %.17g\n", r.lo, r.hi);
		abort();
	}
	if (!memchr(r.reason, '\0', sizeof r.reason) ||
	    !memchr(r.needed, '\0', sizeof r.needed))
		abort();
}

/* c with the figure the counts give, rounded half up at s decimals. */
static void own_figure(claim *c, const claim_counts *k, int s)
{
	dsp_rational q;
	if (c->kind == CK_PCT) {
		if (k->n <= 0 || k->x < 0 || k->x > k->n)
			return;
		q = dsp_q((dsp_u128)k->x * 100, (dsp_u128)k->n, 0);
	} else {
		if (k->n <= 0 || k->n2 <= 0 || k->x < 0 || k->x2 <= 0 ||
		    k->x > k->n || k->x2 > k->n2)
			return;
		q = dsp_q((dsp_u128)k->x * (dsp_u128)k->n2,
			  (dsp_u128)k->x2 * (dsp_u128)k->n, 0);
	}
	dsp_decimal d;
	if (dsp_q_round(q, s, DSP_HALF_UP, &d) != 0)
		return;
	char text[64];
	snprintf(text, sizeof text, "%llue-%d%s", (unsigned long long)d.digits, s,
		 c->kind == CK_PCT ? "%" : "");
	const char *why = pub_parse(text, &c->v);
	if (why) {
		fprintf(stderr, "'%s': %s\n", text, why);
		abort();
	}
	claim_result r;
	if (claim_check(c, k, &r) || r.verdict != CV_CONSISTENT) {
		fprintf(stderr, "'%s' from %lld/%lld, %lld/%lld: %s (%s)\n", text,
			(long long)k->x, (long long)k->n, (long long)k->x2,
			(long long)k->n2, claim_verdict_name(r.verdict), r.reason);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 13)
		return 0;
	claim c = {0};
	c.kind = (claim_kind)(data[0] % CK_NKIND);
	c.mk = claim_method_kind(c.kind);
	c.m = c.mk ? &c.mk->methods[0] : NULL;
	c.level = 0.95;
	c.significance = data[0] >> 7;
	claim_counts k = {count(data + 1), count(data + 4), count(data + 7),
			  count(data + 10), -1, -1, -1, -1, "a", "b"};
	if ((k.x >= 0 && k.n >= 0 && k.x > k.n) || (k.x2 >= 0 && k.n2 >= 0 && k.x2 > k.n2))
		return 0;   /* disp-check rejects these before a check */

	char *s = malloc(size - 13 + 1);
	memcpy(s, data + 13, size - 13);
	s[size - 13] = '\0';
	if (pub_parse(s, &c.v) == NULL)
		check(&c, &k);
	free(s);

	if (c.kind == CK_PCT || c.kind == CK_RR) {
		claim o = c;
		o.v = (pub_value){0};
		o.significance = 0;
		own_figure(&o, &k, (data[0] >> 4) % 5);
	}
	return 0;
}
