/*
 * test_mover.c - the MOVER intervals (stats/mover.c) against the worked
 * example ratesci prints, against Donner and Zou's formula as printed
 * (evaluated here on dsp_ci_wilson's limits, a path independent of
 * mover.c's rearranged roots), and at zero cells.  The 50-digit
 * references are in fixtures/refs/mover-*.csv (test_refs).
 */
#include "tap.h"
#include "diff.h"
#include "dsp.h"
#include "mover.h"
#include "propci.h"

#include <math.h>

/* Donner & Zou (2012) p. 351 as printed, for p = x/n and Wilson limits. */
static void dz(double x1, double n1, double x2, double n2, double level,
	       double *lo, double *hi)
{
	double l1, u1, l2, u2, p1 = x1 / n1, p2 = x2 / n2;
	dsp_ci_wilson(x1, n1, level, &l1, &u1);
	dsp_ci_wilson(x2, n2, level, &l2, &u2);
	*lo = (p1 * p2 - sqrt(p1 * p1 * p2 * p2 - l1 * (2 * p2 - u2) * u2 * (2 * p1 - l1))) /
	      (u2 * (2 * p2 - u2));
	*hi = (p1 * p2 + sqrt(p1 * p1 * p2 * p2 - u1 * (2 * p2 - l2) * l2 * (2 * p1 - u1))) /
	      (l2 * (2 * p2 - l2));
}

int main(void)
{
	double lo, hi, l, h;

	/* ratesci's moverci example (its README and vignette): 5/56 vs 0/29,
	 * MOVER-J -0.009734968 to 0.1772258, Newcombe's -0.03813715 to
	 * 0.19256 (seven digits printed: within half a unit of the last). */
	tap_ok(dsp_rd_mover_jeffreys(5, 56, 0, 29, 0.95, &lo, &hi) == DSP_OK, "rd mover-jeffreys ok");
	tap_rel(lo, -0.009734968, 3e-7, "ratesci: 5/56 vs 0/29 MOVER-J lower -0.009734968");
	tap_rel(hi, 0.1772258, 3e-7, "ratesci: 5/56 vs 0/29 MOVER-J upper 0.1772258");
	dsp_rd_newcombe(5, 56, 0, 29, 0.95, &lo, &hi);
	tap_rel(lo, -0.03813715, 3e-7, "ratesci: 5/56 vs 0/29 MOVER-W (newcombe) lower");
	tap_rel(hi, 0.19256, 3e-7, "ratesci: 5/56 vs 0/29 MOVER-W (newcombe) upper");

	/* The rearranged roots against the printed formula, where its
	 * denominator is neither 0 nor small: 30/100 vs 20/100 (u2 < 2 p2)
	 * and 50/100 vs 1/10 (u2 > 2 p2, a negative denominator). */
	static const double t[][4] = {{30, 100, 20, 100}, {50, 100, 1, 10}, {7, 34, 1, 34}};
	for (int i = 0; i < 3; i++) {
		dsp_rr_mover_wilson(t[i][0], t[i][1], t[i][2], t[i][3], 0.95, &lo, &hi);
		dz(t[i][0], t[i][1], t[i][2], t[i][3], 0.95, &l, &h);
		tap_rel(lo, l, 1e-12, "rr mover-wilson %g/%g vs %g/%g: lower as Donner-Zou print it",
			t[i][0], t[i][1], t[i][2], t[i][3]);
		tap_rel(hi, h, 1e-12, "rr mover-wilson %g/%g vs %g/%g: upper as Donner-Zou print it",
			t[i][0], t[i][1], t[i][2], t[i][3]);
	}

	/* Zero cells. */
	dsp_rr_mover_wilson(0, 20, 5, 20, 0.95, &lo, &hi);
	tap_ok(lo == 0 && isfinite(hi) && hi > 0, "rr mover-wilson x1 = 0: [0, finite] (%g, %g)", lo, hi);
	dsp_rr_mover_wilson(5, 20, 0, 20, 0.95, &lo, &hi);
	tap_ok(lo > 0 && isinf(hi), "rr mover-wilson x2 = 0: [finite, inf] (%g, %g)", lo, hi);
	dsp_rr_mover_jeffreys(0, 20, 0, 20, 0.95, &lo, &hi);
	tap_ok(lo > 0 && isfinite(hi) && lo < 1 && hi > 1,
	       "rr mover-jeffreys 0/20 vs 0/20: finite around 1 (%g, %g)", lo, hi);
	static const double z[][4] = {{0, 10, 0, 10}, {10, 10, 10, 10}, {0, 10, 10, 10}, {10, 10, 0, 10}};
	for (int i = 0; i < 4; i++) {
		dsp_or_mover_wilson(z[i][0], z[i][1], z[i][2], z[i][3], 0.95, &lo, &hi);
		tap_ok(lo == 0 && isinf(hi), "or mover-wilson %g/%g vs %g/%g: 0 to inf",
		       z[i][0], z[i][1], z[i][2], z[i][3]);
	}
	/* All events in group 1: read by columns, the same odds ratio. */
	dsp_or_mover_wilson(10, 10, 4, 10, 0.95, &lo, &hi);
	dsp_or_mover_wilson(6, 10, 0, 10, 0.95, &l, &h);
	tap_ok(lo == l && hi == h && lo > 0 && isinf(hi),
	       "or mover-wilson 10/10 vs 4/10 is 6/10 vs 0/10 (%g, %g)", lo, hi);
	dsp_or_mover_jeffreys(0, 10, 10, 10, 0.95, &lo, &hi);
	tap_ok(lo > 0 && isfinite(hi) && hi < 1, "or mover-jeffreys 0/10 vs 10/10: finite (%g, %g)", lo, hi);
	tap_ok(dsp_rr_mover_wilson(1, 0, 1, 1, 0.95, &lo, &hi) == DSP_EDOM, "n1 = 0: DSP_EDOM");
	return tap_done();
}
