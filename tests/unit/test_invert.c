/*
 * test_invert.c - the intervals that invert the minimum-likelihood and
 * Blaker tests (stats/invert.c): properties any right answer has, and the
 * limits.  Their values are checked at 30 digits against an independent
 * search in tests/refs/invert.py (fixtures/refs/invert-*.csv, test_refs).
 */
#include "tap.h"
#include "dsp.h"
#include "invert.h"
#include "propci.h"
#include "ptrate.h"

#include <math.h>

int main(void)
{
	double lo, hi, l, h;
	/* Blaker's interval lies inside Clopper-Pearson's (his p-value is at
	 * most the central one), and so inside Garwood's and the conditional
	 * exact ratio's.  The minlike ones need not (0 in 2: 0 to 1.882,
	 * Garwood 0 to 1.844): they only hold the estimate. */
	static const double t[][2] = {{0, 10}, {1, 10}, {5, 10}, {10, 10}, {13, 16},
				      {250, 533}, {3, 1000}, {1, 1}};
	for (int i = 0; i < 8; i++) {
		double x = t[i][0], n = t[i][1];
		tap_ok(dsp_ci_blaker(x, n, 0.95, &lo, &hi) == DSP_OK, "blaker %g of %g ok", x, n);
		dsp_ci_exact(x, n, 0.95, &l, &h);
		tap_ok(lo >= l * (1 - 1e-12) && hi <= h * (1 + 1e-12) && lo <= x / n && x / n <= hi,
		       "blaker %g of %g [%.10g, %.10g] inside Clopper-Pearson [%.10g, %.10g]",
		       x, n, lo, hi, l, h);
	}
	static const double p[] = {0, 1, 3, 10, 100, 5000};
	for (int i = 0; i < 6; i++) {
		dsp_pt_ci_exact(p[i], 2, 0.95, &l, &h);
		dsp_pt_ci_minlike(p[i], 2, 0.95, &lo, &hi);
		tap_ok(lo <= p[i] / 2 && p[i] / 2 <= hi && isfinite(hi),
		       "pt minlike %g in 2 [%.10g, %.10g] holds the rate", p[i], lo, hi);
		dsp_pt_ci_blaker(p[i], 2, 0.95, &lo, &hi);
		tap_ok(lo >= l * (1 - 1e-12) && hi <= h * (1 + 1e-12),
		       "pt blaker %g in 2 [%.10g, %.10g] inside Garwood [%.10g, %.10g]",
		       p[i], lo, hi, l, h);
	}
	dsp_pt_rr_exact(10, 2, 3, 1, 0.95, &l, &h);
	dsp_pt_rr_blaker(10, 2, 3, 1, 0.95, &lo, &hi);
	tap_ok(lo >= l && hi <= h && lo > 0 && isfinite(hi),
	       "pt rr blaker 10 in 2 vs 3 in 1 inside the exact [%g, %g]", l, h);
	dsp_pt_rr_minlike(0, 1, 0, 1, 0.95, &lo, &hi);
	tap_ok(lo == 0 && isinf(hi), "pt rr minlike with no events: 0 to inf");
	dsp_pt_rr_minlike(0, 1, 4, 1, 0.95, &lo, &hi);
	tap_ok(lo == 0 && isfinite(hi), "pt rr minlike x1 = 0: lower 0, upper finite");
	/* Nested in the level. */
	dsp_ci_blaker(7, 30, 0.9, &l, &h);
	dsp_ci_blaker(7, 30, 0.99, &lo, &hi);
	tap_ok(lo <= l && hi >= h, "blaker 7 of 30 nests from level 0.9 to 0.99");
	tap_ok(dsp_ci_blaker(1, 2e7, 0.95, &lo, &hi) == DSP_ERANGE, "blaker n > 10^7: DSP_ERANGE");
	tap_ok(dsp_pt_ci_minlike(2e7, 1, 0.95, &lo, &hi) == DSP_ERANGE, "pt minlike x > 10^7: DSP_ERANGE");
	tap_ok(dsp_pt_rr_blaker(1e7, 1, 1, 1, 0.95, &lo, &hi) == DSP_ERANGE,
	       "pt rr blaker x1 + x2 > 10^7: DSP_ERANGE");
	tap_ok(dsp_ci_blaker(3, 2, 0.95, &lo, &hi) == DSP_EDOM, "blaker x > n: DSP_EDOM");
	return tap_done();
}
