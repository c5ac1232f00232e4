/*
 * test_fuzzed.c - what the numeric harness (tests/fuzz/fuzz_stats.c) found
 * in stats/, one case each, with expected values computed from the
 * definitions by tests/refs/fuzzed.py (mpmath).  Each input is also kept
 * in tests/fuzz/regress/fuzz_stats/, which make check replays.
 */
#include "tap.h"
#include "dsp.h"
#include "funnel.h"
#include "propci.h"
#include "strata.h"
#include "table.h"

#include <float.h>
#include <math.h>

static dsp_strata view(size_t k, const double (*v)[4], double *buf)
{
	for (size_t j = 0; j < k; j++)
		for (int c = 0; c < 4; c++)
			buf[c * k + j] = v[j][c];
	return (dsp_strata){k, buf, buf + k, buf + 2 * k, buf + 3 * k};
}

/*
 * The exact common odds ratio's search started from Gart's MH estimate
 * over every stratum; one fixed by its margins (0 of 1 against 0 of 1)
 * pulled it towards 1, and beside 0 of 10^9 - 1 against 10^9 - 2 the law
 * built there kept nothing at the observed sum: DSP_ENOCONV.  With a small
 * informative stratum the start is as far off, so the search first moves
 * to where the law holds the sum.
 */
static void sor_exact_far_start(void)
{
	const double a[][4] = {{0, 999999999, 999999998, 999999999}, {0, 1, 0, 1}};
	const double b[][4] = {{0, 999999999, 999999998, 999999999}, {5, 10, 3, 10}};
	double buf[16], lo, hi, lo1, hi1;
	dsp_strata s = view(1, a, buf);
	tap_ok(dsp_sor_exact(&s, 0.95, &lo1, &hi1) == DSP_OK && lo1 == 0,
	       "sor_exact 0/999999999 vs 999999998/999999999: lower 0");
	s = view(2, a, buf);
	int rc = dsp_sor_exact(&s, 0.95, &lo, &hi);
	tap_ok(rc == DSP_OK && lo == 0 && hi == hi1,
	       "sor_exact: a stratum fixed by its margins changes nothing (status %d, hi %.17g, "
	       "alone %.17g)", rc, hi, hi1);
	/* tests/refs/fuzzed.py: 1.1775852128910083689e-17 */
	tap_rel(hi1, 1.1775852128910083689e-17, 1e-13, "sor_exact: upper bound alone");
	s = view(2, b, buf);
	rc = dsp_sor_exact(&s, 0.95, &lo, &hi);
	tap_ok(rc == DSP_OK, "sor_exact beside 5/10 vs 3/10: status %d", rc);
	/* tests/refs/fuzzed.py: 7.5984117567522548195e-18, 1.0871804389442725189e-16 */
	tap_rel(lo, 7.5984117567522548195e-18, 1e-13, "sor_exact beside 5/10 vs 3/10: lower");
	tap_rel(hi, 1.0871804389442725189e-16, 1e-13, "sor_exact beside 5/10 vs 3/10: upper");
}

/*
 * DerSimonian-Laird's tau2 divided by sum w - sum w^2 / sum w, which
 * cancels to 0 when one weight dwarfs the others: inf.
 */
static void tau2_dominant_weight(void)
{
	const double w[] = {1, 4e20, 1};
	double tau2;
	int rc = dsp_funnel_tau2(3, w, 5, &tau2);
	/* tests/refs/fuzzed.py: 3.25 (13 (4e20 + 2) / (16e20 + 2)) */
	tap_ok(rc == DSP_OK, "tau2 with weights 1, 4e20, 1: status %d", rc);
	tap_rel(tau2, 3.25, 4 * DBL_EPSILON, "tau2 with weights 1, 4e20, 1");
}

/*
 * Breslow-Day at an odds ratio of 1.3e8: the fitted table of 0 of 2
 * against 999999999 of 10^9 has a cell of 4.7e-17 beside one of 2, which
 * cancelled to 0, so that the stratum looked empty, and with another like
 * it too few strata were left: nan.  X^2 is 1.6e17 on 2 df
 * (tests/refs/fuzzed.py), p 2e-35264855643615562: 0 in a double.
 */
static void bd_tiny_fitted_cell(void)
{
	const double t[][4] = {{0, 2, 999999999, 1000000000},
			       {614010425, 614010425, 2, 999999999}, {0, 614010425, 1, 1}};
	double buf[16], p = NAN, pt = NAN;
	dsp_strata s = view(3, t, buf);
	int rc = dsp_shomog_bd(&s, &p), rct = dsp_shomog_bd_tarone(&s, &pt);
	tap_ok(rc == DSP_OK && p == 0, "bd with a fitted cell of 4.7e-17: p %.17g (want 0)", p);
	tap_ok(rct == DSP_OK && pt == 0, "bd-tarone with it: p %.17g (want 0)", pt);
}

/*
 * The stratified scas interval is the hull of the ratios its corrected
 * score accepts.  With 1 of 1 against 0 of 999999999 beside strata of
 * all events, the score at 1 is 2.6457 (tests/refs/fuzzed.py: the test's
 * p 0.0081532574901019137), accepted at z = 2.945, but the strata of all
 * events join it at any other ratio and the values accepted around 1 are
 * narrower than the doubles there: the interval began at 1 + 2.6e-11.
 */
static void scas_isolated_null(void)
{
	const double t[][4] = {{1, 1, 0, 999999999}, {2, 2, 999999999, 999999999},
			       {999999999, 999999999, 999999999, 999999999},
			       {999999999, 999999999, 999999999, 999999999}};
	double buf[16], p = NAN, lo = NAN, hi = NAN;
	dsp_strata s = view(4, t, buf);
	dsp_stest_scas_rr(&s, &p);
	tap_rel(p, 0.0081532574901019137, 1e-12, "scas test at ratio 1 with strata of all events");
	int rc = dsp_srr_scas(&s, 0.99676513671875, &lo, &hi);
	tap_ok(rc == DSP_OK && lo <= 1 && hi >= 1,
	       "scas interval at level 0.99677 holds 1, which its test accepts: [%.17g, %.17g]",
	       lo, hi);
}

/*
 * The trend test with every group at one score is 0/0 (table.h): the
 * centre, the weighted mean of the scores, rounded off 3 with totals 1
 * and 9986, and S = sum n (s - c)^2 was rounding, not 0.
 */
static void trend_one_score(void)
{
	const double x[] = {1, 3011}, n[] = {1, 9986}, sc[] = {3, 3};
	dsp_ktable t = {2, x, n, sc, 1e5, 0, 1};
	dsp_ktest r;
	int rc = dsp_kt_trend(&t, &r);
	tap_ok(rc == DSP_OK && r.how == DSP_KT_UNDEFINED && isnan(r.p),
	       "trend with both groups at score 3: undefined (how %d, p %g)", (int)r.how, r.p);
}

/*
 * The stratified MN difference beside strata of no events and all events:
 * its score is 31623 at d = 0+, crosses 0 near d = 2.45e-5, and dips to
 * 2.26 near -2.5e-5.  At 0.95 only the crossing is accepted, 10^-6 wide;
 * at 0.99 the grid, stepping 1/64 in atanh d from the dip, stepped over it,
 * and the 0.99 interval lay outside the 0.95 one.  No reference value
 * needed: the 0.99 interval must hold the 0.95 one, and each end of the
 * 0.95 interval is where the score is -/+z (to its bisection).
 */
static void srd_mn_island(void)
{
	const double t[][4] = {{0, 2, 0, 2921105}, {32873, 32873, 999999999, 999999999},
			       {999999999, 999999999, 0, 1}, {0, 1, 0, 1}, {0, 1, 0, 1},
			       {0, 1, 0, 1}};
	double buf[32], lo95, hi95, lo99, hi99;
	dsp_strata s = view(6, t, buf);
	int rc = dsp_srd_mn(&s, 0.95, &lo95, &hi95) | dsp_srd_mn(&s, 0.99, &lo99, &hi99);
	tap_ok(rc == DSP_OK && lo99 <= lo95 && hi99 >= hi95,
	       "srd_mn: 0.99 [%.17g, %.17g] holds 0.95 [%.17g, %.17g]", lo99, hi99, lo95, hi95);
	double z = dsp_z(0.95);
	tap_rel(fabs(dsp_srd_mn_stat(&s, lo95)), z, 1e-6, "srd_mn: the score at the 0.95 lower bound");
	tap_rel(fabs(dsp_srd_mn_stat(&s, hi95)), z, 1e-6, "srd_mn: the score at the 0.95 upper bound");
}

/*
 * The stratified MN difference at level 10^-6 (z = 1.25e-6) for 0 of 1
 * against 0 of 999999999 beside 0 of 999999999 against 499999999 of
 * 999999999: the score steps across 0 between two adjacent doubles by more
 * than z, so no double was accepted and the interval was ENOCONV.  Its zero
 * lies between them: the interval is that point, inside the 0.5 interval.
 * No reference value needed: the sign change brackets it.
 */
static void srd_mn_skipped_zero(void)
{
	const double t[][4] = {{0, 1, 0, 999999999}, {0, 999999999, 499999999, 999999999}};
	double buf[32], lo, hi, lo5, hi5;
	dsp_strata s = view(2, t, buf);
	int rc = dsp_srd_mn(&s, 1e-6, &lo, &hi), rc5 = dsp_srd_mn(&s, 0.5, &lo5, &hi5);
	tap_ok(rc == DSP_OK && lo <= hi, "srd_mn at 1e-6: [%.17g, %.17g] (status %d)", lo, hi, rc);
	tap_ok(rc5 == DSP_OK && lo5 <= lo && hi <= hi5,
	       "srd_mn: the 0.5 interval [%.17g, %.17g] holds it", lo5, hi5);
	double a = dsp_srd_mn_stat(&s, lo * (1 + 1e-14)), b = dsp_srd_mn_stat(&s, hi * (1 - 1e-14));
	tap_ok((a > 0) != (b > 0) && fabs(dsp_srd_mn_stat(&s, lo)) < 1,
	       "srd_mn: the score changes sign across it (%g, %g)", a, b);
}

int main(void)
{
	srd_mn_skipped_zero();
	srd_mn_island();
	trend_one_score();
	scas_isolated_null();
	bd_tiny_fitted_cell();
	sor_exact_far_start();
	tau2_dominant_weight();
	return tap_done();
}
