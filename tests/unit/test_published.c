/*
 * test_published.c - the library against worked examples printed in the
 * methods papers and textbooks (see ../shared DATA.md in the project's
 * steering notes; each case names its source).  Published figures are
 * rounded, so each check allows half a unit in the last printed digit.
 */
#include "tap.h"
#include "propci.h"
#include "ratio.h"
#include "diff.h"
#include "odds.h"
#include "test2x2.h"
#include "methods.h"

#include <math.h>

/* |got - want| <= half a unit in the last place of a value printed with
 * `dp` decimals. */
static void near(double got, double want, int dp, const char *what)
{
	double tol = 0.5 * pow(10, -dp) * (1 + 1e-9);
	tap_ok(fabs(got - want) <= tol, "%s: %.*f (published %.*f)",
	       what, dp + 2, got, dp, want);
}

int main(void)
{
	double lo, hi;

	/* Newcombe (1998) Stat Med 17:857, table I: Wilson 81/263. */
	dsp_ci_wilson(81, 263, 0.95, &lo, &hi);
	near(lo, 0.2553, 4, "Newcombe 1998 Wilson 81/263 lower");
	near(hi, 0.3662, 4, "Newcombe 1998 Wilson 81/263 upper");
	/* The same table's other methods: 1 Wald, 4 Wilson with continuity
	 * correction, 5 Clopper-Pearson, 6 mid-p. */
	dsp_ci_wald(81, 263, 0.95, &lo, &hi);
	near(lo, 0.2522, 4, "Newcombe 1998 Wald 81/263 lower");
	near(hi, 0.3638, 4, "Newcombe 1998 Wald 81/263 upper");
	dsp_ci_wilson_cc(81, 263, 0.95, &lo, &hi);
	near(lo, 0.2535, 4, "Newcombe 1998 Wilson cc 81/263 lower");
	near(hi, 0.3682, 4, "Newcombe 1998 Wilson cc 81/263 upper");
	dsp_ci_exact(81, 263, 0.95, &lo, &hi);
	near(lo, 0.2527, 4, "Newcombe 1998 exact 81/263 lower");
	near(hi, 0.3676, 4, "Newcombe 1998 exact 81/263 upper");
	dsp_ci_midp(81, 263, 0.95, &lo, &hi);
	near(lo, 0.2544, 4, "Newcombe 1998 mid-p 81/263 lower");
	near(hi, 0.3658, 4, "Newcombe 1998 mid-p 81/263 upper");

	/* Newcombe (1998) Stat Med 17:873, table II: the hybrid score
	 * interval (method 10) and Wald (method 1) for 56/70 - 48/80 and
	 * 9/10 - 3/10. */
	dsp_rd_newcombe(56, 70, 48, 80, 0.95, &lo, &hi);
	near(lo, 0.0524, 4, "Newcombe 1998 method 10, 56/70 - 48/80 lower");
	near(hi, 0.3339, 4, "Newcombe 1998 method 10, 56/70 - 48/80 upper");
	dsp_rd_newcombe(9, 10, 3, 10, 0.95, &lo, &hi);
	near(lo, 0.1705, 4, "Newcombe 1998 method 10, 9/10 - 3/10 lower");
	near(hi, 0.8090, 4, "Newcombe 1998 method 10, 9/10 - 3/10 upper");
	dsp_rd_wald(56, 70, 48, 80, 0.95, &lo, &hi);
	near(lo, 0.0575, 4, "Newcombe 1998 method 1, 56/70 - 48/80 lower");
	near(hi, 0.3425, 4, "Newcombe 1998 method 1, 56/70 - 48/80 upper");

	/* Fisher's tea-tasting table [[3,1],[1,3]]: two-sided p = 0.4857. */
	near(dsp_test_p(dsp_test_fisher, 3, 4, 1, 4), 0.4857, 4, "tea tasting Fisher p");

	/* Physicians' Health Study (Agresti, An Introduction to Categorical
	 * Data Analysis): placebo 189/11034 against aspirin 104/11037.
	 * Pearson X^2 = 25.01; RR 1.82 with 95% CI (1.43, 2.30).  The
	 * printed upper bound is the log (Katz) interval's 2.3059 truncated
	 * rather than rounded, so it is checked to within 0.01. */
	near(dsp_chi2_stat(189, 11034, 104, 11037), 25.01, 2, "PHS Pearson X^2");
	near(dsp_rr(189, 11034, 104, 11037), 1.82, 2, "PHS relative risk");
	dsp_rr_katz(189, 11034, 104, 11037, 0.95, &lo, &hi);
	near(lo, 1.43, 2, "PHS RR log interval lower");
	tap_ok(fabs(hi - 2.30) < 0.01, "PHS RR log interval upper %.4f (printed 2.30)", hi);

	/* The same study's odds ratio (Agresti): 1.832054, Woolf 95% CI
	 * (1.440042, 2.330780). */
	near(dsp_or(189, 11034, 104, 11037), 1.832054, 6, "PHS odds ratio");
	dsp_or_woolf(189, 11034, 104, 11037, 0.95, &lo, &hi);
	near(lo, 1.440042, 6, "PHS OR Woolf interval lower");
	near(hi, 2.330780, 6, "PHS OR Woolf interval upper");

	/* Stop and search 2016/17 (Daily Mirror): published arrest rates
	 * Black 22%, White 16%, Asian 16%, Mixed 20%. */
	near(100 * 11982 / 54532.0, 22, 0, "stop-search Black arrest rate %");
	near(100 * 26765 / 167229.0, 16, 0, "stop-search White arrest rate %");
	near(100 * 4657 / 28768.0, 16, 0, "stop-search Asian arrest rate %");
	near(100 * 2117 / 10365.0, 20, 0, "stop-search Mixed arrest rate %");
	return tap_done();
}
