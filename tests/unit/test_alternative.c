/*
 * test_alternative.c - invariants of --alternative (stats/alternative.h)
 * that any right answer meets, for every test and interval method of
 * dsp_kinds on a set of tables with the usual edge cases (no events, all
 * events, one of each, unbalanced groups, tables near and far from the
 * null).  The values themselves are held to references in test_refs
 * (fixtures/refs/alt-*.csv); these check what holds between them:
 *
 * - a one-sided p is in [0, 1], and p(greater) + p(less) >= 1 (exactly 1
 *   for a continuous statistic; 1 + P(observed) for an exact tail; not
 *   Boschloo's, whose two regions, each maximised over the common
 *   proportion, need not cover every table between them);
 * - where the two-sided p is twice the smaller one-sided p (mid-p,
 *   Pearson, Yates, G, the score tests, Boschloo, person-time mid-p and
 *   score), it is;
 * - events and non-events swapped, "greater" becomes "less" (2x2 tables);
 * - a one-sided bound at level L lies within the two-sided interval at L
 *   (it is that interval's end at 2L - 1, narrower), the other end is the
 *   parameter's limit, and bounds nest as L grows;
 * - a score-type interval's one-sided bound excludes the null exactly when
 *   its one-sided test's p is below 1 - L (away from the boundary);
 * - a one-sided level <= 1/2, and a test without a one-sided form, are
 *   DSP_EDOM.
 */
#include "tap.h"
#include "alternative.h"
#include "dsp.h"
#include "methods.h"
#include "test2x2.h"
#include "uncond.h"

#include <string.h>

static const double T[][4] = {
	{3, 4, 1, 4}, {0, 10, 0, 12}, {10, 10, 12, 12}, {0, 1, 1, 1}, {1, 1, 0, 1},
	{5, 10, 5, 10}, {0, 20, 7, 20}, {20, 20, 3, 20}, {9, 10, 2, 10}, {1, 30, 0, 2},
	{189, 11034, 104, 11037}, {40, 90, 12, 25}, {7, 12, 8, 15}, {0, 3, 3, 3},
	{2, 5000, 9, 4000}, {123456, 1e6, 1234, 1e4},
	/* the input's largest counts: each method at its limit or beyond */
	{4503599627370496, DSP_COUNT_MAX, 4503599627370000, DSP_COUNT_MAX},
	{1, DSP_COUNT_MAX, 0, 1e9}, {DSP_COUNT_MAX - 1, DSP_COUNT_MAX, 7, 9},
};
#define NT (sizeof T / sizeof *T)

/* Two-sided p = 2 min(one-sided), capped at 1. */
static int twice_smaller(const dsp_kind *k, const dsp_method *m)
{
	static const char *const two[] = {"fisher-midp", "chi2", "chi2-yates", "g", "score",
					  "boschloo"};
	static const char *const pt[] = {"midp", "score"};
	const char *const *l = k->person_time ? pt : two;
	size_t n = k->person_time ? 2 : 6;
	for (size_t i = 0; i < n; i++)
		if (strcmp(m->name, l[i]) == 0)
			return 1;
	return 0;
}

static void tests_of(const dsp_kind *k)
{
	for (const dsp_method *m = k->methods; m->name; m++) {
		if (!m->greater) {
			double p = 0;
			int rc = dsp_alt_test(m->fn.test, NULL, DSP_GREATER, 3, 4, 1, 4, &p);
			tap_ok(rc == DSP_EDOM && isnan(p), "%s %s%s: no one-sided form: EDOM",
			       k->option, k->person_time ? "-x " : "", m->name);
			continue;
		}
		int range = 0, sum = 0, twice = 0, swap = 0, n = 0;
		for (size_t i = 0; i < NT; i++) {
			const double *t = T[i];
			if (strncmp(m->name, "barnard", 7) == 0 || strcmp(m->name, "boschloo") == 0)
				if (t[1] > 100 || t[3] > 100)
					continue;   /* slow, and covered in test_refs */
			double g = NAN, l = NAN, two = NAN, s = NAN;
			dsp_alt_test(m->fn.test, m->greater, DSP_GREATER, t[0], t[1], t[2], t[3], &g);
			dsp_alt_test(m->fn.test, m->greater, DSP_LESS, t[0], t[1], t[2], t[3], &l);
			if (!k->person_time)   /* events and non-events swapped */
				dsp_alt_test(m->fn.test, m->greater, DSP_LESS, t[1] - t[0], t[1],
					     t[3] - t[2], t[3], &s);
			m->fn.test(t[0], t[1], t[2], t[3], &two);
			n++;
			if (isnan(two) && isnan(g) && isnan(l))
				continue;   /* undefined (a zero margin): both sides too */
			range += !(g >= 0 && g <= 1 && l >= 0 && l <= 1);
			sum += strcmp(m->name, "boschloo") && !(g + l >= 1 - 1e-12);
			swap += !k->person_time && tap_relerr(s, g) > 1e-9;
			if (twice_smaller(k, m))
				twice += tap_relerr(fmin(2 * fmin(g, l), 1), two) > 1e-12;
		}
		tap_ok(range == 0 && sum == 0 && twice == 0 && swap == 0,
		       "%s %s%s: one-sided p in [0,1] (%d off), greater + less >= 1 (%d off), "
		       "twice the smaller is two-sided where defined so (%d off), greater is "
		       "less with events and non-events swapped (%d off), %d tables", k->option,
		       k->person_time ? "-x " : "", m->name, range, sum, twice, swap, n);
	}
}

/* The null of a kind's parameter. */
static double null_of(const dsp_kind *k)
{
	return k->quantity == DSP_DIFFERENCE ? 0 : 1;
}

static void intervals_of(const dsp_kind *k)
{
	static const double L[] = {0.6, 0.9, 0.95, 0.99, 0.999999};
	for (const dsp_method *m = k->methods; m->name; m++) {
		int inside = 0, limit = 0, nest = 0, agree = 0, n = 0;
		for (size_t i = 0; i < NT; i++) {
			const double *t = T[i];
			if (k->shape == DSP_ONE && i % 2)
				continue;
			double plo = -INFINITY, phi = INFINITY;
			for (size_t j = 0; j < sizeof L / sizeof *L; j++) {
				double lo, hi, glo, ghi, llo, lhi;
				int rc = dsp_alt_interval(k, m, DSP_TWO_SIDED, t[0], t[1], t[2], t[3],
							  L[j], &lo, &hi);
				int rg = dsp_alt_interval(k, m, DSP_GREATER, t[0], t[1], t[2], t[3],
							  L[j], &glo, &ghi);
				int rl = dsp_alt_interval(k, m, DSP_LESS, t[0], t[1], t[2], t[3],
							  L[j], &llo, &lhi);
				if (rc == DSP_ERANGE || rg == DSP_ERANGE)
					continue;
				n++;
				double tol = 1e-9 * fmax(fabs(lo), fabs(hi));
				if (isnan(lo) || isnan(glo)) {
					inside += !(isnan(lo) && isnan(glo));
					continue;
				}
				/* The same method at 2L - 1 is narrower; for the ones
				 * whose one-sided bound is another method's (blaker,
				 * minlike, baptista-pike), the bound may lie outside. */
				if (!m->one_sided)
					inside += !(glo >= lo - tol && lhi <= hi + tol);
				double a = k->quantity == DSP_DIFFERENCE ? -1 : 0;
				double b = k->quantity == DSP_PROPORTION || k->quantity == DSP_DIFFERENCE ?
					   1 : INFINITY;
				limit += !(ghi == b && llo == a && rg == rl);
				nest += !(glo <= plo + 1e-12 * fabs(plo) || plo == -INFINITY) +
					!(lhi >= phi - 1e-12 * fabs(phi) || phi == INFINITY);
				plo = glo, phi = lhi;
				/* the score test it inverts, away from the boundary */
				dsp_test_fn sg = k->shape == DSP_PAIR ? m->score_greater : NULL;
				if (sg) {
					double p = NAN, nl = null_of(k);
					sg(t[0], t[1], t[2], t[3], &p);
					double a1 = 1 - L[j];
					if (fabs(p - a1) > 1e-6 * a1 && fabs(glo - nl) > 1e-9)
						agree += (glo > nl) != (p < a1);
				}
			}
		}
		tap_ok(inside == 0 && limit == 0 && nest == 0 && agree == 0,
		       "%s %s%s: one-sided bounds within the two-sided interval (%d off), the "
		       "other end the limit (%d off), nested in the level (%d off), agreeing "
		       "with the score test (%d off), %d intervals", k->option,
		       k->person_time ? "-x " : "", m->name, inside, limit, nest, agree, n);
	}
}

int main(void)
{
	for (const dsp_kind *k = dsp_kinds; k->option; k++) {
		if (k->shape == DSP_TEST)
			tests_of(k);
		else if (k->shape == DSP_ONE || k->shape == DSP_PAIR)
			intervals_of(k);
	}
	const dsp_kind *ci = dsp_kind_find("--ci", 0);
	double lo = 0, hi = 0;
	tap_ok(dsp_alt_interval(ci, &ci->methods[0], DSP_GREATER, 3, 4, 0, 0, 0.5, &lo, &hi) ==
	       DSP_EDOM && isnan(lo) && isnan(hi), "a one-sided level of 0.5 is EDOM");
	dsp_alternative a;
	tap_ok(dsp_alt_parse("greater", &a) == 0 && a == DSP_GREATER &&
	       dsp_alt_parse("Greater", &a) == -1 && strcmp(dsp_alt_name(DSP_LESS), "less") == 0,
	       "alternatives by name");
	return tap_done();
}
