/*
 * test_edges.c - zero cells, all-event groups, totals of 1, huge counts and
 * every invalid-argument path of the library.  Expected values here follow
 * from the definitions (stated beside each check), not from our output.
 */
#include "tap.h"
#include "betainc.h"
#include "dsp.h"
#include "methods.h"
#include "propci.h"
#include "ratio.h"
#include "test2x2.h"

#include <math.h>

int main(void)
{
	double lo, hi, z = dsp_z(0.95);
	const dsp_method *m;

	/* Every rate interval: x = 0 has lower bound exactly 0, x = n upper
	 * exactly 1, bounds ordered and inside [0,1]; invalid input is EDOM.
	 * A method with a limit (blaker's n <= 10^7) may return DSP_ERANGE
	 * beyond it. */
	for (m = dsp_ci_methods; m->name; m++) {
		const double cases[][2] = {{0, 1}, {1, 1}, {0, 1e9}, {1e9, 1e9},
					   {1, 1e9}, {5e8, 1e9}, {3, 7}};
		for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
			double x = cases[i][0], n = cases[i][1];
			int rc = m->fn.ci(x, n, 0.95, &lo, &hi);
			if (rc == DSP_ERANGE && m->limit) {  /* beyond its stated limit */
				tap_ok(1, "%s %g/%g: beyond its limit (%s)", m->name, x, n, m->limit);
				continue;
			}
			tap_ok(rc == DSP_OK && lo >= 0 && lo <= x / n && x / n <= hi &&
			       hi <= 1 && (x > 0 || lo == 0) && (x < n || hi == 1),
			       "%s %g/%g: [%.17g, %.17g]", m->name, x, n, lo, hi);
		}
		tap_ok(m->fn.ci(5, 4, 0.95, &lo, &hi) == DSP_EDOM, "%s x > n", m->name);
		tap_ok(m->fn.ci(0, 0, 0.95, &lo, &hi) == DSP_EDOM, "%s n = 0", m->name);
		tap_ok(m->fn.ci(1.5, 4, 0.95, &lo, &hi) == DSP_EDOM, "%s x not integer", m->name);
		tap_ok(m->fn.ci(1, 4, 1, &lo, &hi) == DSP_EDOM, "%s level 1", m->name);
		tap_ok(m->fn.ci(1, 4, 0, &lo, &hi) == DSP_EDOM, "%s level 0", m->name);
		tap_ok(m->fn.ci(1, 1e16, 0.95, &lo, &hi) == DSP_EDOM, "%s n > 2^53", m->name);
	}

	/* Closed forms: Clopper-Pearson for x = 0 has upper bound
	 * 1 - (alpha/2)^(1/n), and for x = n lower bound (alpha/2)^(1/n). */
	dsp_ci_exact(0, 1e9, 0.95, &lo, &hi);
	tap_rel(hi, -expm1(log(0.025) / 1e9), 1e-12, "exact 0/1e9 upper = 1-(a/2)^(1/n)");
	dsp_ci_exact(20, 20, 0.95, &lo, &hi);
	tap_rel(lo, pow(0.025, 1 / 20.0), 1e-14, "exact 20/20 lower = (a/2)^(1/n)");
	/* Wilson for x = 0: upper bound z^2 / (n + z^2). */
	dsp_ci_wilson(0, 1e9, 0.95, &lo, &hi);
	tap_rel(hi, z * z / (1e9 + z * z), 1e-14, "wilson 0/1e9 upper = z^2/(n+z^2)");
	/* Jeffreys x = 0 upper bound: Beta(1/2, n+1/2) quantile; for n = 1
	 * the Beta(1/2, 3/2) cdf is (2/pi)(asin(sqrt p) + sqrt(p(1-p)))... we
	 * check the quantile round-trips through the cdf instead. */
	dsp_ci_jeffreys(0, 1, 0.95, &lo, &hi);
	tap_rel(dsp_beta_tail(hi, 0.5, 1.5, 1), 0.025, 1e-13, "jeffreys 0/1 upper tail = 0.025");

	/* Koopman zero cells: x1 = 0 gives lower 0; x2 = 0 gives upper inf;
	 * both zero give (0, inf); both all-events give the closed forms
	 * n1/(n1+z^2) and 1 + z^2/n2 (T = n1(1-phi)/phi below 1, n2(phi-1)
	 * above). */
	dsp_rr_koopman(0, 10, 5, 10, 0.95, &lo, &hi);
	tap_ok(lo == 0 && isfinite(hi) && hi > 0, "koopman x1 = 0: [0, %g]", hi);
	dsp_rr_koopman(5, 10, 0, 10, 0.95, &lo, &hi);
	tap_ok(isinf(hi) && isfinite(lo) && lo > 0, "koopman x2 = 0: [%g, inf]", lo);
	dsp_rr_koopman(0, 10, 0, 10, 0.95, &lo, &hi);
	tap_ok(lo == 0 && isinf(hi), "koopman both zero: [0, inf]");
	dsp_rr_koopman(10, 10, 20, 20, 0.95, &lo, &hi);
	tap_rel(lo, 10 / (10 + z * z), 1e-12, "koopman all events lower n1/(n1+z^2)");
	tap_rel(hi, 1 + z * z / 20, 1e-12, "koopman all events upper 1+z^2/n2");
	/* At a bound the score statistic equals z^2 (its definition). */
	dsp_rr_koopman(7, 1000000000, 3, 20, 0.95, &lo, &hi);
	tap_rel(dsp_rr_score_stat(7, 1e9, 3, 20, lo), z * z, 1e-9, "koopman T(lo) = z^2, unbalanced");
	tap_rel(dsp_rr_score_stat(7, 1e9, 3, 20, hi), z * z, 1e-9, "koopman T(hi) = z^2, unbalanced");

	/* Katz zero cells: (0, inf); all events: zero variance, (1, 1). */
	dsp_rr_katz(0, 10, 5, 10, 0.95, &lo, &hi);
	tap_ok(lo == 0 && isinf(hi), "katz x1 = 0: [0, inf]");
	dsp_rr_katz(3, 10, 0, 10, 0.95, &lo, &hi);
	tap_ok(lo == 0 && isinf(hi), "katz x2 = 0: [0, inf]");
	dsp_rr_katz(10, 10, 4, 4, 0.95, &lo, &hi);
	tap_ok(lo == 1 && hi == 1, "katz all events: [1, 1]");
	for (m = dsp_ratio_methods; m->name; m++) {
		tap_ok(m->fn.ratio(1, 0, 1, 2, 0.95, &lo, &hi) == DSP_EDOM, "%s n1 = 0", m->name);
		tap_ok(m->fn.ratio(3, 2, 1, 2, 0.95, &lo, &hi) == DSP_EDOM, "%s x1 > n1", m->name);
		tap_ok(m->fn.ratio(1, 2, 1, 2, 1.5, &lo, &hi) == DSP_EDOM, "%s level 1.5", m->name);
	}
	/* Every two-group interval on the corners (counts 0, 1, n-1, n at n =
	 * 1, 2, 10, 10^9, three levels): it succeeds, has no NaN, lo <= hi,
	 * and ratio-scale bounds are >= 0. */
	const dsp_method *tables[] = {dsp_ratio_methods, dsp_diff_methods, dsp_odds_methods};
	const double ns[] = {1, 2, 10, 1e9}, levs[] = {0.5, 0.95, 0.999};
	for (int t = 0; t < 3; t++)
		for (m = tables[t]; m->name; m++) {
			int bad = 0;
			for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++)
			for (int a = 0; a < 4; a++) for (int b = 0; b < 4; b++)
			for (int l = 0; l < 3; l++) {
				double n1 = ns[i], n2 = ns[j];
				double xs1[] = {0, 1, n1 - 1, n1}, xs2[] = {0, 1, n2 - 1, n2};
				double x1 = xs1[a], x2 = xs2[b];
				int rc = m->fn.ratio(x1, n1, x2, n2, levs[l], &lo, &hi);
				if (rc != DSP_OK || isnan(lo) || isnan(hi) || lo > hi ||
				    (t != 1 && lo < 0)) {
					if (bad++ < 3)
						printf("#   %s %g/%g %g/%g %g: rc %d [%g, %g]\n", m->name,
						       x1, n1, x2, n2, levs[l], rc, lo, hi);
				}
			}
			tap_ok(!bad, "%s: every corner table gives an interval (%d bad)", m->name, bad);
		}
	tap_ok(isnan(dsp_rr(0, 5, 0, 5)), "rr 0/0 is nan");
	tap_ok(isinf(dsp_rr(1, 5, 0, 5)), "rr x/0 is inf");

	/* Tests: identical tables and all-zero tables give p = 1 (Fisher);
	 * chi2 is undefined with a zero margin.  One table of n = 1 each:
	 * [[1,0],[0,1]] has two equally likely tables, so Fisher p = 1. */
	tap_ok(dsp_test_p(dsp_test_fisher, 7, 20, 7, 20) == 1, "fisher identical tables p = 1");
	tap_ok(dsp_test_p(dsp_test_fisher, 0, 20, 0, 30) == 1, "fisher no events p = 1");
	tap_ok(dsp_test_p(dsp_test_fisher, 1, 1, 0, 1) == 1, "fisher n = 1 each p = 1");
	tap_ok(isnan(dsp_test_p(dsp_test_chi2, 0, 20, 0, 30)), "chi2 no events is nan");
	tap_ok(isnan(dsp_test_p(dsp_test_chi2, 20, 20, 30, 30)), "chi2 all events is nan");
	/* [[5,0],[0,5]]: the observed table has probability 1/C(10,5); so
	 * does its mirror; p = 2/252. */
	tap_rel(dsp_test_p(dsp_test_fisher, 5, 5, 0, 5), 2 / 252.0, 1e-14, "fisher [[5,0],[0,5]] = 2/252");
	/* Huge: 10^9 vs 10^9 with equal rates is the mode itself: p = 1. */
	tap_ok(dsp_test_p(dsp_test_fisher, 5e8, 1e9, 5e8, 1e9) == 1, "fisher 1e9 equal rates p = 1");
	for (m = dsp_test_methods; m->name; m++) {
		double p = 0;
		tap_ok(m->fn.test(1, 0, 1, 2, &p) == DSP_EDOM && isnan(p),
		       "%s n1 = 0 is EDOM, p nan", m->name);
		p = 0;
		tap_ok(m->fn.test(3, 2, 1, 2, &p) == DSP_EDOM && isnan(p),
		       "%s x1 > n1 is EDOM, p nan", m->name);
	}

	/* Incomplete beta: invalid arguments and the end points. */
	tap_ok(isnan(dsp_beta_tail(0.5, 0, 1, 0)), "beta_tail a = 0 is nan");
	tap_ok(isnan(dsp_beta_tail(1.5, 1, 1, 0)), "beta_tail x > 1 is nan");
	tap_ok(dsp_beta_tail(0, 2, 3, 0) == 0 && dsp_beta_tail(1, 2, 3, 0) == 1,
	       "beta_tail end points");
	tap_ok(isnan(dsp_beta_quantile(0, 2, 3, 0)), "beta_quantile t = 0 is nan");
	/* I_x(1,1) = x and I_x(a,1) = x^a. */
	tap_rel(dsp_beta_tail(0.3, 1, 1, 0), 0.3, 1e-14, "I_0.3(1,1) = 0.3");
	tap_rel(dsp_beta_tail(0.9, 7, 1, 0), pow(0.9, 7), 1e-14, "I_0.9(7,1) = 0.9^7");
	return tap_done();
}
