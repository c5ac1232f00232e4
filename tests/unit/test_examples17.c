/*
 * test_examples17.c - published worked examples of issue 17's methods: those
 * of Fagerland, Lydersen and Laake's book as their contingencytables
 * package's own tests print them (four decimals), and ratesci's MOVER
 * example is in test_mover.c.
 */
#include "tap.h"
#include "dsp.h"
#include "invert.h"
#include "odds.h"
#include "propci.h"
#include "ratio.h"

#include <math.h>

/* got rounds to want at four decimals. */
static void dec4(double got, double want, const char *what)
{
	tap_ok(fabs(got - want) <= 0.00005 + 1e-12, "%s: %.6f is %.4f to four decimals", what,
	       got, want);
}

int main(void)
{
	double lo, hi;
	/* Blaker: 13 of 16 (Ligarden et al. 2010) 0.5656 to 0.9469; 1 of 100
	 * 0.0005 to 0.0513. */
	dsp_ci_blaker(13, 16, 0.95, &lo, &hi);
	dec4(lo, 0.5656, "blaker 13/16 lower");
	dec4(hi, 0.9469, "blaker 13/16 upper");
	dsp_ci_blaker(1, 100, 0.95, &lo, &hi);
	dec4(lo, 0.0005, "blaker 1/100 lower");
	dec4(hi, 0.0513, "blaker 1/100 upper");
	/* Arcsine (Anscombe): 100 of 5000 at 90%, 0.0169 to 0.0235. */
	dsp_ci_arcsine(100, 5000, 0.9, &lo, &hi);
	dec4(lo, 0.0169, "arcsine 100/5000 90% lower");
	dec4(hi, 0.0235, "arcsine 100/5000 90% upper");
	/* Adjusted inverse sinh, odds ratio: GADA and IPEX (Lampasona et al.
	 * 2013), 9/13 vs 4/14: 1.1414 to 21.7873. */
	dsp_or_asinh(9, 13, 4, 14, 0.95, &lo, &hi);
	dec4(lo, 1.1414, "asinh OR 9/13 vs 4/14 lower");
	dec4(hi, 21.7873, "asinh OR 9/13 vs 4/14 upper");
	/* Adjusted inverse sinh, ratio: CHRNA4 and XFS (Ritland et al. 2007),
	 * 0/16 vs 15/72: 0.0000 to 1.1524 (the zero-cell rule). */
	dsp_rr_asinh(0, 16, 15, 72, 0.95, &lo, &hi);
	tap_ok(lo == 0, "asinh ratio 0/16 vs 15/72 lower 0");
	dec4(hi, 1.1524, "asinh ratio 0/16 vs 15/72 upper");
	return tap_done();
}
