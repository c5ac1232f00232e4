/*
 * test_claims.c - the exact decimal arithmetic under disp-check
 * (stats/decimal.c) and the reading of published figures
 * (bin/published.c).  Expected values are worked by hand: each tie is
 * constructed so that the exact value sits on x.xx5, and the double
 * nearest to it does not (0.145 is 0.14499999999999999 as a double, so
 * floating point would round it down).
 */
#include "tap.h"
#include "decimal.h"
#include "published.h"

#include <string.h>

static dsp_decimal dec(uint64_t digits, int scale)
{
	return (dsp_decimal){digits, scale, 0};
}

static void rounding(void)
{
	/* 29/200 = 0.145 exactly, a tie at 2 decimals. */
	dsp_rational q = dsp_q(29, 200, 0);
	tap_ok(dsp_q_round_cmp(q, dec(15, 2), DSP_HALF_UP) == 0, "0.145 half up is 0.15");
	tap_ok(dsp_q_round_cmp(q, dec(14, 2), DSP_HALF_EVEN) == 0, "0.145 half even is 0.14");
	tap_ok(dsp_q_round_cmp(q, dec(15, 2), DSP_HALF_EVEN) < 0, "0.145 half even is below 0.15");
	tap_ok(dsp_q_round_cmp(q, dec(14, 2), DSP_TRUNCATE) == 0, "0.145 truncated is 0.14");
	/* 0.155 = 31/200: half even goes up (to the even 16). */
	tap_ok(dsp_q_round_cmp(dsp_q(31, 200, 0), dec(16, 2), DSP_HALF_EVEN) == 0,
	       "0.155 half even is 0.16");
	/* One part in 10^15 past the tie rounds up under every rounding rule. */
	dsp_rational above = dsp_q((dsp_u128)145000000000000001ULL, (dsp_u128)1000000000000000000ULL, 0);
	tap_ok(dsp_q_round_cmp(above, dec(15, 2), DSP_HALF_EVEN) == 0,
	       "0.145000000000000001 half even is 0.15");
	/* Negative values round on magnitudes: -0.145 half up is -0.15. */
	dsp_rational neg = dsp_q(29, 200, 1);
	tap_ok(dsp_q_round_cmp(neg, (dsp_decimal){15, 2, 1}, DSP_HALF_UP) == 0,
	       "-0.145 half up (away from zero) is -0.15");
	tap_ok(dsp_q_round_cmp(neg, (dsp_decimal){14, 2, 1}, DSP_TRUNCATE) == 0,
	       "-0.145 truncated (toward zero) is -0.14");
	tap_ok(dsp_q_round_cmp(neg, dec(14, 2), DSP_TRUNCATE) < 0, "-0.14 is below 0.14");
	/* Zero of either sign. */
	tap_ok(dsp_q_round_cmp(dsp_q(1, 1000, 1), (dsp_decimal){0, 2, 0}, DSP_HALF_UP) == 0,
	       "-0.001 rounds to 0.00 (no sign on zero)");
	/* Precision coarser than units: 2.5e3 is 25 at scale -2 (hundreds). */
	tap_ok(dsp_q_round_cmp(dsp_q(2549, 1, 0), dec(25, -2), DSP_HALF_UP) == 0,
	       "2549 rounds to 2.5e3");
	tap_ok(dsp_q_round_cmp(dsp_q(2550, 1, 0), dec(26, -2), DSP_HALF_UP) == 0 &&
	       dsp_q_round_cmp(dsp_q(2550, 1, 0), dec(26, -2), DSP_HALF_EVEN) == 0,
	       "2550 rounds to 2.6e3 half up and half even (25 is odd)");
	/* Huge counts: 100 * (2^53 - 1) / 2^53, four decimals. */
	dsp_u128 big = (dsp_u128)1 << 53;
	dsp_rational nearly = dsp_q(100 * (big - 1), big, 0);
	tap_ok(dsp_q_round_cmp(nearly, dec(1000000, 4), DSP_HALF_UP) == 0 &&
	       dsp_q_round_cmp(nearly, dec(999999, 4), DSP_TRUNCATE) == 0,
	       "100 (2^53 - 1)/2^53 is 100.0000 rounded, 99.9999 truncated");
	/* Comparisons, exact. */
	tap_ok(dsp_q_cmp(dsp_q(1, 100, 0), dec(1, 2)) == 0, "1/100 equals 0.01");
	tap_ok(dsp_q_cmp(dsp_q(13, 1809, 0), dec(1, 2)) < 0, "13/1809 is below 0.01");
	tap_ok(dsp_q_cmp(dsp_q(1, 0, 0), dec(999, 0)) > 0, "inf is above 999");
	tap_ok(dsp_q_cmp(dsp_q(0, 0, 0), dec(1, 0)) == 2, "0/0 is not comparable");
	/* A p-value on the double path, e-notation scale. */
	tap_ok(dsp_x_round_cmp(3.4834e-214, dec(348, 216), DSP_HALF_UP) == 0,
	       "3.4834e-214 rounds to 3.48e-214");
	/* 0 against a figure shown to 8038 decimals (10^8038 leaves even
	 * long double's range): 0 is below 1e-8038, equal to 0e-8038. */
	tap_ok(dsp_x_cmp(0.0, dec(1, 8038)) < 0 && dsp_x_cmp(0.0, dec(0, 8038)) == 0 &&
	       dsp_x_round_cmp(0.0, dec(0, 8038), DSP_HALF_UP) == 0,
	       "0 compares with a figure to 10^-8038");
	dsp_decimal out;
	tap_ok(dsp_q_round(dsp_q(13, 1809, 0), 6, DSP_HALF_UP, &out) == 0 && out.digits == 7186,
	       "13/1809 to 6 decimals is 0.007186");
}

static void parse_ok(const char *s, pub_qual qual, int n, uint64_t d0, int s0,
		     pub_unit unit, uint64_t per)
{
	pub_value v;
	const char *why = pub_parse(s, &v);
	tap_ok(!why && v.qual == qual && v.n == n && !v.word && v.d[0].digits == d0 &&
	       v.d[0].scale == s0 && v.unit == unit && v.per == per,
	       "'%s' reads as written%s%s", s, why ? ": " : "", why ? why : "");
}

static void word_ok(const char *s, pub_qual qual, uint64_t num, uint64_t den)
{
	pub_value v;
	const char *why = pub_parse(s, &v);
	tap_ok(!why && v.word && v.qual == qual && v.wnum == num && v.wden == den,
	       "'%s' is the word %llu/%llu", s, (unsigned long long)num,
	       (unsigned long long)den);
}

static void figures(void)
{
	parse_ok("81%", PUB_EQ, 1, 81, 0, PUB_PERCENT, 0);
	parse_ok("0.70", PUB_EQ, 1, 70, 2, PUB_BARE, 0);       /* keeps its zero */
	parse_ok("0.71%", PUB_EQ, 1, 71, 2, PUB_PERCENT, 0);
	parse_ok("1,809", PUB_EQ, 1, 1809, 0, PUB_BARE, 0);
	parse_ok("227 per 1,000", PUB_EQ, 1, 227, 0, PUB_PER, 1000);
	parse_ok("1 in 5", PUB_EQ, 1, 1, 0, PUB_IN, 5);
	parse_ok("3 out of 10", PUB_EQ, 1, 3, 0, PUB_IN, 10);
	parse_ok("one in five", PUB_EQ, 1, 1, 0, PUB_IN, 5);
	parse_ok("p<.001", PUB_LT, 1, 1, 3, PUB_BARE, 0);
	parse_ok("P = 0.03", PUB_EQ, 1, 3, 2, PUB_BARE, 0);
	parse_ok("3.5e-214", PUB_EQ, 1, 35, 215, PUB_BARE, 0);
	parse_ok("fewer than 1%", PUB_LT, 1, 1, 0, PUB_PERCENT, 0);
	parse_ok("over 120% more likely", PUB_GT, 1, 120, 0, PUB_PERCENT, 0);
	parse_ok("81% more likely", PUB_EQ, 1, 81, 0, PUB_PERCENT, 0);
	parse_ok("nearly 90%", PUB_NEARLY, 1, 90, 0, PUB_PERCENT, 0);
	parse_ok("just over 500", PUB_JUST_OVER, 1, 500, 0, PUB_BARE, 0);
	parse_ok("only 13", PUB_EQ, 1, 13, 0, PUB_BARE, 0);
	parse_ok("just 5%", PUB_EQ, 1, 5, 0, PUB_PERCENT, 0);
	parse_ok("4.8 times", PUB_EQ, 1, 48, 1, PUB_TIMES, 0);
	parse_ok("4.8x", PUB_EQ, 1, 48, 1, PUB_TIMES, 0);
	parse_ok("6 percentage points", PUB_EQ, 1, 6, 0, PUB_POINTS, 0);
	parse_ok("20 per cent", PUB_EQ, 1, 20, 0, PUB_PERCENT, 0);
	parse_ok("55-60%", PUB_EQ, 2, 55, 0, PUB_PERCENT, 0);
	parse_ok("55% to 60%", PUB_EQ, 2, 55, 0, PUB_PERCENT, 0);
	parse_ok("between 55 and 60%", PUB_EQ, 2, 55, 0, PUB_PERCENT, 0);
	parse_ok("1.43 to 2.30", PUB_EQ, 2, 143, 2, PUB_BARE, 0);
	parse_ok("(1.43, 2.30)", PUB_EQ, 2, 143, 2, PUB_BARE, 0);
	parse_ok("0.2553, 0.3662", PUB_EQ, 2, 2553, 4, PUB_BARE, 0);
	parse_ok("55\xE2\x80\x93" "60%", PUB_EQ, 2, 55, 0, PUB_PERCENT, 0);
	parse_ok("\xE2\x89\xA4 5%", PUB_LE, 1, 5, 0, PUB_PERCENT, 0);
	parse_ok("  About   20%  ", PUB_ABOUT, 1, 20, 0, PUB_PERCENT, 0);
	word_ok("twice", PUB_EQ, 2, 1);
	word_ok("twice as likely", PUB_EQ, 2, 1);
	word_ok("more than twice as likely", PUB_GT, 2, 1);
	word_ok("three times", PUB_EQ, 3, 1);
	word_ok("half", PUB_EQ, 1, 2);
	word_ok("a third", PUB_EQ, 1, 3);
	word_ok("two-thirds", PUB_EQ, 2, 3);
	word_ok("almost a quarter", PUB_NEARLY, 1, 4);
	pub_value v;
	tap_ok(pub_parse("-6 points", &v) == NULL && v.d[0].neg && v.d[0].digits == 6,
	       "'-6 points' is negative");
	tap_ok(pub_parse("1,809", &v) == NULL && v.d[0].digits == 1809, "1,809 is one number");
	tap_ok(pub_parse("1,80", &v) != NULL, "'1,80' is not a thousands separator");
	static const char *const bad[] = {"", "abc", "81%%", "1.2.3", "twice 2", "1 in 0",
		"1.5 in 10", "(1, 2", "p", "55-60", "5% to 6 points", "12a", "1e", "--5"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		tap_ok(pub_parse(bad[i], &v) != NULL || (strcmp(bad[i], "55-60") == 0 && v.n == 2),
		       "'%s' is %s", bad[i], strcmp(bad[i], "55-60") ? "rejected" : "a range");
	pub_qual q;
	tap_ok(pub_qualifier("fewer than", &q) == 0 && q == PUB_LT, "qualifier 'fewer than'");
	tap_ok(pub_qualifier("", &q) == 0 && q == PUB_EQ, "an empty qualifier is '='");
	tap_ok(pub_qualifier(">=", &q) == 0 && q == PUB_GE, "qualifier '>='");
	tap_ok(pub_qualifier("roughly", &q) == 0 && q == PUB_ABOUT, "qualifier 'roughly'");
	tap_ok(pub_qualifier("much more", &q) != 0, "'much more' is not a qualifier");
}

int main(void)
{
	rounding();
	figures();
	return tap_done();
}
