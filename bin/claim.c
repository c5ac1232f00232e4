/*
 * claim.c - checking one published claim against its counts (see claim.h).
 *
 * Every count-based quantity is an exact rational (stats/decimal.h), put
 * in the unit the figure is written in (a rate written "22%" is 100 x/n, "1
 * in 5" is 5 x/n at whole-number precision).  The figure then holds or not
 * by each rounding rule, or by its qualifier, exactly.  Working backwards,
 * the quantity moves monotonically with the group's events x (all else as
 * given), so the counts that make the figure hold are one run of integers,
 * found by bisection on the same exact test.
 */
#include "claim.h"
#include "dsp.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Which counts a kind needs. */
enum { NEED_XN = 1, NEED_REF = 2, NEED_ALL_X = 4, NEED_ALL_N = 8 };

/* The natural unit of a bare number. */
enum { NAT_FRACTION, NAT_PERCENT, NAT_RATIO, NAT_POINTS, NAT_REAL };

static const struct {
	const char *name;
	unsigned need;
	int natural;
	const char *method;   /* the option of its interval's (or test's) kind */
	int down;             /* the quantity falls as x grows */
	const char *what;     /* for reasons */
} KIND[CK_NKIND] = {
	[CK_PCT] = {"pct", NEED_XN, NAT_PERCENT, "--ci", 0, "percentage"},
	[CK_RATE] = {"rate", NEED_XN, NAT_FRACTION, "--ci", 0, "rate"},
	[CK_PER] = {"per", NEED_XN, NAT_FRACTION, "--ci", 0, "rate"},
	[CK_RR] = {"rr", NEED_XN | NEED_REF, NAT_RATIO, "--ratio", 0, "rate ratio"},
	[CK_OR] = {"or", NEED_XN | NEED_REF, NAT_RATIO, "--odds", 0, "odds ratio"},
	[CK_PCT_MORE] = {"pct_more", NEED_XN | NEED_REF, NAT_PERCENT, "--ratio", 0,
			 "percentage more likely"},
	[CK_PCT_LESS] = {"pct_less", NEED_XN | NEED_REF, NAT_PERCENT, "--ratio", 1,
			 "percentage less likely"},
	[CK_DIFF] = {"diff", NEED_XN | NEED_REF, NAT_POINTS, "--diff", 0,
		     "difference in percentage points"},
	[CK_SHARE] = {"share", NEED_ALL_X, NAT_PERCENT, "--ci", 0, "share of all events"},
	[CK_RATIO_OF_SHARES] = {"ratio_of_shares", NEED_XN | NEED_ALL_X | NEED_ALL_N,
				NAT_RATIO, NULL, 0, "ratio of shares"},
	[CK_P] = {"p", NEED_XN | NEED_REF, NAT_REAL, "--test", 0, "p-value"},
	[CK_CI] = {"ci", NEED_XN, NAT_REAL, "--ratio", 0, "interval"},
};

int claim_kind_find(const char *name)
{
	for (int k = 0; k < CK_NKIND; k++)
		if (strcmp(KIND[k].name, name) == 0)
			return k;
	return -1;
}

const char *claim_kind_name(claim_kind k)
{
	return KIND[k].name;
}

const char *claim_verdict_name(claim_verdict v)
{
	static const char *const NAME[] = {"consistent", "consistent_truncated",
		"inconsistent", "not_significant", "unverifiable"};
	return NAME[v];
}

const dsp_kind *claim_method_kind(claim_kind k)
{
	return KIND[k].method ? dsp_kind_find(KIND[k].method, 0) : NULL;
}

/* ---- the quantity ---------------------------------------------------- */

/* a b as 128 bits (counts are at most 2^53, so no product of two
 * overflows). */
static dsp_u128 mul(int64_t a, int64_t b)
{
	return (dsp_u128)(uint64_t)a * (dsp_u128)(uint64_t)b;
}

/* (p - q) / d with p, q >= 0, as a signed rational. */
static dsp_rational signed_q(dsp_u128 p, dsp_u128 q, dsp_u128 d)
{
	return p >= q ? dsp_q(p - q, d, 0) : dsp_q(q - p, d, 1);
}

/* q num / den (a unit conversion; num, den small). */
static dsp_rational q_scale(dsp_rational q, uint64_t num, uint64_t den)
{
	q = dsp_q_mul(q, num);
	if (!dsp_q_defined(q) || q.den == 0 || den == 1)
		return q;
	dsp_u128 d;
	if (__builtin_mul_overflow(q.den, (dsp_u128)den, &d))
		return (dsp_rational){0, 0, 0};
	return dsp_q(q.num, d, q.neg);
}

/* The counts with the group's events set to x (share kinds: all events
 * move with it). */
static claim_counts with_x(const claim_counts *k, int64_t x)
{
	claim_counts w = *k;
	if (k->Xi >= 0 && k->x >= 0)
		w.Xi = k->Xi - k->x + x;
	w.x = x;
	return w;
}

/* The kind's quantity in its natural unit, exactly. */
static dsp_rational natural(claim_kind kind, const claim_counts *k)
{
	int64_t x = k->x, n = k->n, x2 = k->x2, n2 = k->n2;
	switch (kind) {
	case CK_PCT: return dsp_q(mul(100, x), (dsp_u128)n, 0);
	case CK_RATE: case CK_PER: return dsp_q((dsp_u128)x, (dsp_u128)n, 0);
	case CK_RR: return dsp_q(mul(x, n2), mul(x2, n), 0);
	case CK_OR: return dsp_q(mul(x, n2 - x2), mul(x2, n - x), 0);
	case CK_PCT_MORE: return signed_q(100 * mul(x, n2), 100 * mul(x2, n), mul(x2, n));
	case CK_PCT_LESS: return signed_q(100 * mul(x2, n), 100 * mul(x, n2), mul(x2, n));
	case CK_DIFF: return signed_q(100 * mul(x, n2), 100 * mul(x2, n), mul(n, n2));
	case CK_SHARE: return dsp_q(mul(100, x), (dsp_u128)k->Xi, 0);
	case CK_RATIO_OF_SHARES: return dsp_q(mul(x, k->Ni), mul(k->Xi, n), 0);
	default: return (dsp_rational){0, 0, 0};
	}
}

/* The conversion from the natural unit to the figure's unit, num/den. */
struct conv {
	uint64_t num, den;
	int pct_shown;   /* the figure reads as a percentage */
	int recip;       /* "1 in M": the reciprocal, against M */
};

static const char *conversion(const claim *c, struct conv *cv)
{
	const pub_value *v = &c->v;
	int nat = KIND[c->kind].natural;
	*cv = (struct conv){1, 1, nat == NAT_PERCENT || nat == NAT_POINTS, 0};
	if (c->kind == CK_P || c->kind == CK_CI) {
		if (v->word || (v->unit != PUB_BARE && v->unit != PUB_PERCENT))
			return "a number for a p-value or an interval";
		if (v->unit == PUB_PERCENT)
			cv->num = 100, cv->pct_shown = 1;
		return NULL;
	}
	if (v->word) {   /* a word is a fraction or a ratio */
		int share = nat == NAT_FRACTION || c->kind == CK_PCT || c->kind == CK_SHARE;
		if (share && v->wnum > v->wden)
			return "a fraction (half, a third) for a proportion, not a ratio";
		if (share && nat == NAT_PERCENT)
			return NULL;   /* claim_check reads "a third" as 33.3...% */
		if (!share && nat != NAT_RATIO)
			return "a number (a word such as 'twice' is a ratio or a fraction)";
		cv->pct_shown = 0;
		return NULL;
	}
	switch (v->unit) {
	case PUB_BARE:
		if (c->kind == CK_PER) {
			if (!c->per)
				return "'V per K' in the value or a per column";
			cv->num = c->per;
		}
		return NULL;
	case PUB_PERCENT:
		if (nat == NAT_FRACTION && c->kind != CK_PER)
			cv->num = 100, cv->pct_shown = 1;
		else if (nat != NAT_PERCENT && nat != NAT_POINTS)
			return "no percent sign for a ratio (81% more likely is pct_more)";
		return NULL;
	case PUB_IN: case PUB_PER:
		if (nat == NAT_PERCENT && (c->kind == CK_PCT || c->kind == CK_SHARE))
			cv->num = v->per, cv->den = 100;
		else if (nat == NAT_FRACTION)
			cv->num = v->per;
		else
			return "'N in M' and 'per K' only for a rate or a percentage";
		cv->pct_shown = 0;
		/* "1 in 5" is read as one in every five: n/x rounds to 5
		 * (18.2% to 22.2%); "3 in 10" as 10 x/n rounding to 3.  With a
		 * qualifier the fraction is compared ("fewer than 1 in 5":
		 * 5 x/n < 1), and so is a range ("1 to 3 in 10": 10 x/n in
		 * [1, 3]). */
		if (v->unit == PUB_IN && v->n == 1 && v->d[0].digits == 1 &&
		    v->d[0].scale == 0 && v->qual == PUB_EQ)
			cv->recip = 1, cv->num = 1;
		return NULL;
	case PUB_TIMES:
		return nat == NAT_RATIO ? NULL : "'times' only for a ratio";
	case PUB_POINTS:
		return nat == NAT_POINTS ? NULL : "'points' only for a difference";
	}
	return NULL;
}

/* ---- holding, by rule or qualifier ------------------------------------ */

/* q against the figure's number (or word) times f/100: -1, 0, 1. */
static int target_cmp(dsp_rational q, const pub_value *v, int i, unsigned f)
{
	if (!v->word) {
		dsp_decimal d = v->d[i];
		d.digits *= f;
		d.scale += 2;
		return dsp_q_cmp(q, d);
	}
	/* q against wnum f / (100 wden), by cross-multiplication. */
	if (q.den == 0)
		return q.neg ? -1 : 1;
	dsp_u128 a, b;
	if (__builtin_mul_overflow(q.num, (dsp_u128)v->wden * 100, &a) ||
	    __builtin_mul_overflow(q.den, (dsp_u128)v->wnum * f, &b)) {
		long double l = (long double)q.num / (long double)q.den;
		long double r = (long double)v->wnum * f / (100.0L * v->wden);
		return q.neg ? -1 : l < r ? -1 : l > r;
	}
	return q.neg ? -1 : a < b ? -1 : a > b;
}

/* Where q stands against the figure under rule: -1 too low, 0 holds,
 * 1 too high. */
static int classify(dsp_rational q, const pub_value *v, int rule)
{
	if (!dsp_q_defined(q))
		return -1;
	if (v->n == 2) {
		if (dsp_q_round_cmp(q, v->d[0], rule) < 0)
			return -1;
		return dsp_q_round_cmp(q, v->d[1], rule) > 0;
	}
	int lo, hi;
	switch (v->qual) {
	case PUB_EQ:
		if (!v->word)
			return dsp_q_round_cmp(q, v->d[0], rule);
		lo = 95, hi = 105;        /* a word: within 5% */
		break;
	case PUB_LT: return target_cmp(q, v, 0, 100) >= 0;
	case PUB_LE: return target_cmp(q, v, 0, 100) > 0;
	case PUB_GT: return -(target_cmp(q, v, 0, 100) <= 0);
	case PUB_GE: return -(target_cmp(q, v, 0, 100) < 0);
	case PUB_NEARLY:
		if (target_cmp(q, v, 0, 90) < 0)
			return -1;
		return target_cmp(q, v, 0, 100) >= 0;
	case PUB_JUST_UNDER:
		if (target_cmp(q, v, 0, 95) < 0)
			return -1;
		return target_cmp(q, v, 0, 100) >= 0;
	case PUB_JUST_OVER:
		if (target_cmp(q, v, 0, 100) <= 0)
			return -1;
		return target_cmp(q, v, 0, 105) > 0;
	case PUB_ABOUT:
		lo = 90, hi = 110;
		break;
	default:
		return 1;
	}
	if (target_cmp(q, v, 0, (unsigned)lo) < 0)
		return -1;
	return target_cmp(q, v, 0, (unsigned)hi) > 0;
}

/* The same for a real number (p-values, interval bounds). */
static int classify_x(double x, const pub_value *v, int i, int rule)
{
	if (isnan(x))
		return -1;
	dsp_decimal d = v->d[i];
	int c = dsp_x_cmp(x, d), r = dsp_x_round_cmp(x, d, rule);
	dsp_decimal t = d;
	switch (v->qual) {
	case PUB_EQ: return r;
	case PUB_LT: return c >= 0;
	case PUB_LE: return c > 0;
	case PUB_GT: return -(c <= 0);
	case PUB_GE: return -(c < 0);
	default:
		/* The word qualifiers, on reals: X scaled as in target_cmp. */
		t.scale += 2;
		unsigned lo = v->qual == PUB_NEARLY ? 90 : v->qual == PUB_ABOUT ? 90 :
			      v->qual == PUB_JUST_UNDER ? 95 : 100;
		unsigned hi = v->qual == PUB_ABOUT ? 110 : v->qual == PUB_JUST_OVER ? 105 : 100;
		t.digits = d.digits * lo;
		int below = v->qual == PUB_JUST_OVER ? c <= 0 : dsp_x_cmp(x, t) < 0;
		t.digits = d.digits * hi;
		int above = v->qual == PUB_ABOUT || v->qual == PUB_JUST_OVER ?
			    dsp_x_cmp(x, t) > 0 : c >= 0;
		return below ? -1 : above;
	}
}

/* ---- text -------------------------------------------------------------- */

/* n with thousands separators. */
static const char *thousands(char *buf, int64_t n)
{
	char raw[32];
	int len = snprintf(raw, sizeof raw, "%lld", (long long)n), o = 0;
	for (int i = 0; i < len; i++) {
		if (i && raw[i - 1] != '-' && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = raw[i];
	}
	buf[o] = '\0';
	return buf;
}

/* A decimal as written: digits with scale decimals, or in e-notation when
 * that would take more than a few zeros ("3.5e-214").  buf holds TXT. */
#define TXT 64
static const char *dec_text(char *buf, dsp_decimal d)
{
	char raw[24];
	int len = snprintf(raw, sizeof raw, "%llu", (unsigned long long)d.digits);
	const char *sign = d.neg ? "-" : "";
	if (d.scale < -6 || d.scale - len > 6)   /* mantissa and exponent */
		snprintf(buf, TXT, "%s%c%s%se%d", sign, raw[0], len > 1 ? "." : "", raw + 1,
			 len - 1 - d.scale);
	else if (d.scale <= 0)
		snprintf(buf, TXT, "%s%s%.*s", sign, raw, -d.scale, "000000");
	else if (len > d.scale)
		snprintf(buf, TXT, "%s%.*s.%s", sign, len - d.scale, raw, raw + len - d.scale);
	else
		snprintf(buf, TXT, "%s0.%.*s%s", sign, d.scale - len, "000000", raw);
	return buf;
}

/* q shown two decimals finer than the figure (at least to hundredths of
 * its last digit). */
static const char *q_text(char *buf, dsp_rational q, int scale)
{
	dsp_decimal d;
	if (q.den == 0 && q.num)
		return strcpy(buf, q.neg ? "-inf" : "inf");
	if (dsp_q_round(q, scale + 2 > 2 ? scale + 2 : 2, DSP_HALF_UP, &d))
		return strcpy(buf, "undefined");
	return dec_text(buf, d);
}

static const char *unit_text(const struct conv *cv, const claim *c)
{
	if (c->v.unit == PUB_IN)
		return "";
	if (c->kind == CK_DIFF)
		return " points";
	return cv->pct_shown ? "%" : "";
}

/* ---- the check ----------------------------------------------------------- */

/* Which of the needed counts are missing, as words; "" when none. */
static void missing(const claim *c, const claim_counts *k, char *buf, size_t size)
{
	unsigned need = KIND[c->kind].need;
	const char *g = k->group ? k->group : "the group";
	const char *r = k->ref ? k->ref : "the reference";
	buf[0] = '\0';
	if ((need & NEED_XN) && (k->x < 0 || k->n < 0))
		snprintf(buf + strlen(buf), size - strlen(buf), "%sevents and total of %s",
			 *buf ? ", " : "", g);
	if (c->kind == CK_SHARE && k->x < 0)
		snprintf(buf + strlen(buf), size - strlen(buf), "%sevents of %s",
			 *buf ? ", " : "", g);
	if (((need & NEED_REF) || (c->kind == CK_CI && c->mk && c->mk->shape != DSP_ONE)) &&
	    (k->x2 < 0 || k->n2 < 0))
		snprintf(buf + strlen(buf), size - strlen(buf), "%sevents and total of %s",
			 *buf ? ", " : "", r);
	if ((need & NEED_ALL_X) && k->Xi < 0)
		snprintf(buf + strlen(buf), size - strlen(buf), "%sthe events of all groups",
			 *buf ? ", " : "");
	if ((need & NEED_ALL_N) && k->Ni < 0)
		snprintf(buf + strlen(buf), size - strlen(buf), "%sthe totals of all groups",
			 *buf ? ", " : "");
}

/* The figure's quantity at the group's events x, in its unit. */
static dsp_rational value_at(const claim *c, const claim_counts *k, int64_t x,
			     const struct conv *cv)
{
	claim_counts w = with_x(k, x);
	dsp_rational q = q_scale(natural(c->kind, &w), cv->num, cv->den);
	return cv->recip && dsp_q_defined(q) ? dsp_q(q.den, q.num, q.neg) : q;
}

/* Whether the quantity falls as the group's events grow. */
static int falls(const claim *c, const struct conv *cv)
{
	return KIND[c->kind].down ^ cv->recip;
}

/* The run of group events in [0, top] for which the figure holds under
 * rule: returns 0 with [*a, *b], or -1 when none. */
static int run(const claim *c, const claim_counts *k, const struct conv *cv,
	       int rule, int64_t top, int64_t *a, int64_t *b)
{
	int sgn = falls(c, cv) ? -1 : 1;
#define CLASS(x) (sgn * classify(value_at(c, k, (x), cv), &c->v, rule))
	int64_t lo = 0, hi = top + 1;     /* first x with CLASS >= 0 */
	while (lo < hi) {
		int64_t mid = lo + (hi - lo) / 2;
		if (CLASS(mid) >= 0) hi = mid; else lo = mid + 1;
	}
	*a = lo;
	lo = 0, hi = top + 1;             /* first x with CLASS > 0 */
	while (lo < hi) {
		int64_t mid = lo + (hi - lo) / 2;
		if (CLASS(mid) > 0) hi = mid; else lo = mid + 1;
	}
	*b = lo - 1;
	return *a <= *b && *a <= top && CLASS(*a) == 0 ? 0 : -1;
#undef CLASS
}

static void range_text(char *buf, size_t size, int ok, int64_t a, int64_t b)
{
	char s1[32], s2[32];
	if (!ok)
		snprintf(buf, size, "none");
	else if (a == b)
		snprintf(buf, size, "%s", thousands(s1, a));
	else
		snprintf(buf, size, "%s-%s", thousands(s1, a), thousands(s2, b));
}

/* needed: the group events that make the figure hold, by rounding and
 * by truncation (one range for qualifiers and words). */
static int needed(const claim *c, const claim_counts *k, const struct conv *cv,
		  claim_result *r)
{
	/* x runs over [0, n]; a share without a total, over [0, all events]
	 * when the group's events are unknown (all events fixed), else up to
	 * 2^53 (all events move with x). */
	int64_t top = k->n;
	if (c->kind == CK_SHARE && top < 0)
		top = k->Xi < 0 ? -1 : k->x >= 0 ? (int64_t)1 << 53 : k->Xi;
	if (top < 0 || ((KIND[c->kind].need & NEED_REF) && (k->x2 < 0 || k->n2 < 0)) ||
	    ((KIND[c->kind].need & NEED_ALL_N) && k->Ni < 0))
		return -1;
	int64_t a[DSP_NRULES], b[DSP_NRULES];
	int ok[DSP_NRULES];
	for (int rule = 0; rule < DSP_NRULES; rule++)
		ok[rule] = run(c, k, cv, rule, top, &a[rule], &b[rule]) == 0;
	char rnd[64], tr[64];
	/* Rounding: half-up or half-even (their runs overlap or touch). */
	int rok = ok[DSP_HALF_UP] || ok[DSP_HALF_EVEN];
	int64_t ra = !ok[DSP_HALF_UP] ? a[DSP_HALF_EVEN] : !ok[DSP_HALF_EVEN] ? a[DSP_HALF_UP] :
		     a[DSP_HALF_UP] < a[DSP_HALF_EVEN] ? a[DSP_HALF_UP] : a[DSP_HALF_EVEN];
	int64_t rb = !ok[DSP_HALF_UP] ? b[DSP_HALF_EVEN] : !ok[DSP_HALF_EVEN] ? b[DSP_HALF_UP] :
		     b[DSP_HALF_UP] > b[DSP_HALF_EVEN] ? b[DSP_HALF_UP] : b[DSP_HALF_EVEN];
	range_text(rnd, sizeof rnd, rok, ra, rb);
	range_text(tr, sizeof tr, ok[DSP_TRUNCATE], a[DSP_TRUNCATE], b[DSP_TRUNCATE]);
	int rounding = c->v.qual == PUB_EQ && !c->v.word;
	if (!rounding || (rok == ok[DSP_TRUNCATE] && (!rok || (ra == a[DSP_TRUNCATE] &&
							     rb == b[DSP_TRUNCATE]))))
		snprintf(r->needed, sizeof r->needed, "events %s", rnd);
	else if (!rok)
		snprintf(r->needed, sizeof r->needed, "events %s by truncation only; "
			 "none by rounding", tr);
	else
		snprintf(r->needed, sizeof r->needed, "events %s (rounding); %s "
			 "(truncation)", rnd, tr);
	return rok || ok[DSP_TRUNCATE];
}

/* The interval of the claim's quantity, in the figure's unit. */
static int interval(const claim *c, const claim_counts *k, const struct conv *cv,
		    double *lo, double *hi)
{
	*lo = *hi = NAN;
	if (!c->m || !c->mk)
		return DSP_OK;
	double l = NAN, h = NAN;
	int rc;
	double x = (double)k->x, n = (double)k->n;
	if (c->kind == CK_SHARE)
		n = (double)k->Xi;
	if (c->mk->shape == DSP_ONE)
		rc = c->m->fn.ci(x, n, c->level, &l, &h);
	else
		rc = c->m->fn.ratio(x, n, (double)k->x2, (double)k->n2, c->level, &l, &h);
	double f = (double)cv->num / (double)cv->den;
	switch (c->kind) {
	case CK_PCT: case CK_SHARE: case CK_DIFF: f *= 100; break;
	case CK_PCT_MORE: l = l - 1, h = h - 1, f *= 100; break;
	case CK_PCT_LESS: { double t = 1 - l; l = 1 - h, h = t, f *= 100; } break;
	default: break;
	}
	*lo = l * f, *hi = h * f;
	if (cv->recip) {
		double t = 1 / *lo;
		*lo = 1 / *hi, *hi = t;
	}
	return rc;
}

/* The counts in words, "13 of 1,809" or "189 of 11,034 against 104 of
 * 11,037". */
static void counts_text(const claim *c, const claim_counts *k, char *buf, size_t size)
{
	char a[32], b[32], e[32], f[32];
	if (c->kind == CK_SHARE)
		snprintf(buf, size, "%s of all %s events", thousands(a, k->x), thousands(b, k->Xi));
	else if (KIND[c->kind].need & NEED_REF || (c->kind == CK_CI && c->mk->shape != DSP_ONE))
		snprintf(buf, size, "%s of %s against %s of %s", thousands(a, k->x),
			 thousands(b, k->n), thousands(e, k->x2), thousands(f, k->n2));
	else
		snprintf(buf, size, "%s of %s", thousands(a, k->x), thousands(b, k->n));
}

/* A p-value or an interval: real numbers against the figure. */
static const char *check_real(const claim *c, const claim_counts *k,
			      const struct conv *cv, claim_result *r)
{
	char cnt[160], pub[TXT], got[TXT], got2[TXT];
	double f = (double)cv->num / cv->den;
	int holds[DSP_NRULES];
	counts_text(c, k, cnt, sizeof cnt);
	if (c->kind == CK_P) {
		double p = NAN;
		r->status = c->m->fn.test((double)k->x, (double)k->n, (double)k->x2,
					   (double)k->n2, &p);
		r->computed = p * f;
		for (int rule = 0; rule < DSP_NRULES; rule++)
			holds[rule] = classify_x(r->computed, &c->v, 0, rule) == 0;
		snprintf(got, sizeof got, "%.4g", r->computed);
	} else {
		if (c->v.n != 2)
			return "two numbers for an interval (\"1.43 to 2.30\")";
		r->status = interval(c, k, &(struct conv){1, 1, 0, 0}, &r->lo, &r->hi);
		r->lo *= f, r->hi *= f;
		r->computed = c->mk->estimate ? c->mk->estimate((double)k->x, (double)k->n,
							       (double)k->x2, (double)k->n2) * f :
			      (double)k->x / (double)k->n * f;
		for (int rule = 0; rule < DSP_NRULES; rule++)
			holds[rule] = classify_x(r->lo, &c->v, 0, rule) == 0 &&
				      classify_x(r->hi, &c->v, 1, rule) == 0;
		snprintf(got, sizeof got, "%.6g", r->lo);
		snprintf(got2, sizeof got2, "%.6g", r->hi);
	}
	int rnd = holds[DSP_HALF_UP] || holds[DSP_HALF_EVEN];
	r->verdict = rnd ? CV_CONSISTENT : holds[DSP_TRUNCATE] ? CV_TRUNCATED : CV_INCONSISTENT;
	dec_text(pub, c->v.d[0]);
	const char *q = pub_qual_name(c->v.qual);
	if (c->kind == CK_P) {
		const char *fmt = r->verdict == CV_INCONSISTENT ?
			"%s: the %s test gives p = %s, which is not %s%s as published" :
			"%s: the %s test gives p = %s, %s%s as published";
		char pq[80];
		snprintf(pq, sizeof pq, "%s%s", q, *q ? " " : "");
		snprintf(r->reason, sizeof r->reason, fmt, cnt, c->m->name, got, pq, pub);
	} else {
		char pub2[TXT];
		dec_text(pub2, c->v.d[1]);
		snprintf(r->reason, sizeof r->reason, "%s: the %g%% %s %s interval is %s to "
			 "%s; published %s to %s%s", cnt, 100 * c->level, c->mk->option,
			 c->m->name, got, got2, pub, pub2,
			 r->verdict == CV_INCONSISTENT ? ", which does not match" :
			 r->verdict == CV_TRUNCATED ? ", only by truncation" : "");
	}
	return NULL;
}

const char *claim_check(const claim *c0, const claim_counts *k, claim_result *r)
{
	struct conv cv;
	const char *why = conversion(c0, &cv);
	*r = (claim_result){NAN, NAN, NAN, CV_UNVERIFIABLE, DSP_OK, "", ""};
	if (why)
		return why;
	/* "1 in M": the reciprocal is checked against M. */
	claim cc = *c0;
	const claim *c = &cc;
	if (cv.recip)
		cc.v.d[0] = (dsp_decimal){cc.v.per, 0, 0};
	/* A word for a percentage: "a third" is 100/3 %. */
	if (cc.v.word && cv.pct_shown)
		cc.v.wnum *= 100;
	if (c->v.n == 2 && c->v.qual != PUB_EQ && c->kind != CK_CI)
		return "no qualifier with a range";
	char miss[200];
	missing(c, k, miss, sizeof miss);
	if (c->kind == CK_P || c->kind == CK_CI) {
		if (*miss) {
			snprintf(r->reason, sizeof r->reason, "no counts: needs %s", miss);
			return NULL;
		}
		return check_real(c, k, &cv, r);
	}
	if (*miss) {
		/* Working backwards from what is there: with the group's total
		 * known, which events would do (GRIM for a percentage). */
		int some = k->x < 0 ? needed(c, k, &cv, r) : -1;
		char tot[32], pub[2 * TXT] = "";
		if (!c->v.word)
			dec_text(pub, c->v.d[0]);
		if (k->x < 0 && k->n >= 0 && !(KIND[c->kind].need & NEED_REF && k->x2 < 0))
			snprintf(miss, sizeof miss, "the events of %s (only its total, %s, "
				 "is given)", k->group ? k->group : "the group",
				 thousands(tot, k->n));
		if (some == 0) {
			r->verdict = CV_INCONSISTENT;
			snprintf(r->reason, sizeof r->reason, "no whole number of events "
				 "out of %s gives %s%s by rounding or by truncation",
				 thousands(tot, k->n), pub, c->v.unit == PUB_PERCENT ? "%" : "");
		} else {
			snprintf(r->reason, sizeof r->reason, "not enough counts: needs %s%s",
				 miss, some > 0 ? "; the events under needed would fit" : "");
		}
		return NULL;
	}
	dsp_rational q = value_at(c, k, k->x, &cv);
	r->computed = dsp_q_double(q);
	r->status = interval(c, k, &cv, &r->lo, &r->hi);
	int holds[DSP_NRULES];
	for (int rule = 0; rule < DSP_NRULES; rule++)
		holds[rule] = classify(q, &c->v, rule) * (KIND[c->kind].down ? -1 : 1) == 0;
	needed(c, k, &cv, r);
	int rnd = holds[DSP_HALF_UP] || holds[DSP_HALF_EVEN];
	r->verdict = rnd ? CV_CONSISTENT : holds[DSP_TRUNCATE] ? CV_TRUNCATED : CV_INCONSISTENT;

	/* The reason, in words. */
	char cnt[160], val[2 * TXT], pub[3 * TXT], pub2[TXT], rounded[2 * TXT];
	const char *u = unit_text(&cv, c), *ql = pub_qual_name(c->v.qual);
	int scale = c->v.word ? 0 : c->v.d[0].scale;
	counts_text(c, k, cnt, sizeof cnt);
	q_text(val, q, scale);
	if (c->v.word)
		snprintf(pub, sizeof pub, "%s (%.4g%s)", c->v.wtext,
			 (double)c->v.wnum / (double)c->v.wden, u);
	else
		dec_text(pub, c->v.d[0]);
	if (cv.recip) {
		char m[3 * TXT];
		snprintf(m, sizeof m, "%s", val);
		snprintf(val, sizeof val, "1 in %.*s", TXT, m);
		snprintf(m, sizeof m, "%s", pub);
		snprintf(pub, sizeof pub, "1 in %.*s", TXT, m);
	} else if (c->v.unit == PUB_IN) {
		char m[32];
		snprintf(pub + strlen(pub), sizeof pub - strlen(pub), " in %s", thousands(m, (int64_t)c->v.per));
		snprintf(val + strlen(val), sizeof val - strlen(val), " in %s", m);
	}
	if (c->v.n == 2) {
		dec_text(pub2, c->v.d[1]);
		snprintf(pub + strlen(pub), sizeof pub - strlen(pub), " to %s", pub2);
	}
	dsp_decimal rd;
	if (c->v.word || c->v.n == 2 || dsp_q_round(q, scale, DSP_HALF_UP, &rd))
		strcpy(rounded, val);
	else
		dec_text(rounded, rd);
	if (cv.recip) {
		char m[2 * TXT];
		snprintf(m, sizeof m, "%s", rounded);
		snprintf(rounded, sizeof rounded, "1 in %.*s", TXT, m);
	}
	char head[320];
	snprintf(head, sizeof head, "%s is %s%s", cnt, val, u);
	const char *pu = c->v.word ? "" : u;   /* a word's text has its unit */
	char *out = r->reason;
	size_t size = sizeof r->reason;
	int bad = r->verdict == CV_INCONSISTENT;
	if (q.den == 0 && q.num)
		snprintf(out, size, "%s: the reference group has no events, so the "
			 "ratio is infinite", cnt);
	else if (!dsp_q_defined(q))
		snprintf(out, size, "%s: no events in either group (or no one at all), "
			 "so there is no value to compare", cnt);
	else if (c->v.qual != PUB_EQ)
		snprintf(out, size, "%s, which is %s%s %s%s", head, bad ? "not " : "", ql,
			 pub, pu);
	else if (c->v.word)
		snprintf(out, size, "%s, %s 5%% %s %s", head, bad ? "more than" : "within",
			 bad ? "away from" : "of", pub);
	else if (c->v.n == 2)
		snprintf(out, size, "%s, %s %s%s", head, bad ? "outside" : "within", pub, u);
	else if (r->verdict == CV_CONSISTENT && holds[DSP_HALF_UP])
		snprintf(out, size, "%s, which rounds to %s%s", head, pub, u);
	else if (r->verdict == CV_CONSISTENT)
		snprintf(out, size, "%s, which rounds to %s%s by rounding half to even "
			 "(half up gives %s%s)", head, pub, u, rounded, u);
	else if (r->verdict == CV_TRUNCATED)
		snprintf(out, size, "%s: %s%s only by cutting off digits (it rounds to "
			 "%s%s)", head, pub, u, rounded, u);
	else
		snprintf(out, size, "%s, which rounds to %s%s, not %s%s", head, rounded, u,
			 pub, u);

	/* Distinguishable from no difference? */
	if (c->significance && r->verdict != CV_INCONSISTENT && c->m &&
	    (KIND[c->kind].need & NEED_REF)) {
		double null = c->kind == CK_DIFF || c->kind == CK_PCT_MORE ||
			      c->kind == CK_PCT_LESS ? 0 : 1;
		double nl = null * (double)cv.num / cv.den;
		if (!(r->lo > nl || r->hi < nl)) {
			r->verdict = CV_NOT_SIGNIFICANT;
			size_t n = strlen(r->reason);
			snprintf(r->reason + n, sizeof r->reason - n, "; but its %g%% %s "
				 "interval, %.4g to %.4g, includes %g (no difference)",
				 100 * c->level, c->m->name, r->lo, r->hi, nl);
		}
	}
	return NULL;
}
