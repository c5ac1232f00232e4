/*
 * test_fuzzed.c - what the numeric harness (tests/fuzz/fuzz_stats.c) found
 * in stats/, one case each, with expected values computed from the
 * definitions by tests/refs/fuzzed.py (mpmath).  Each input is also kept
 * in tests/fuzz/regress/fuzz_stats/, which make check replays.
 */
#include "tap.h"
#include "dsp.h"
#include "funnel.h"
#include "strata.h"

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

int main(void)
{
	sor_exact_far_start();
	tau2_dominant_weight();
	return tap_done();
}
