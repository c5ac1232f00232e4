/*
 * test_huge_odds.c - the conditional odds-ratio intervals and the 2x2
 * tests at counts near 2^53 (issue 9).  Where the margins pass 2^53 they
 * are no longer exact doubles; each expected value below follows from the
 * definition in closed form (derivation beside it), or is a plain sum.
 */
#include "tap.h"
#include "dsp.h"
#include "methods.h"
#include "nchyper.h"
#include "odds.h"
#include "saddle.h"
#include "test2x2.h"

#include <math.h>
#include <string.h>
#include <time.h>

#define N53 9007199254740992.0  /* 2^53 */

static double cpu(void)
{
	return (double)clock() / CLOCKS_PER_SEC;
}

/* Two tables only, x1 = 2^53 of 2^53 against 0 of 1: the support is
 * {2^53 - 1, 2^53} and P(2^53)/P(2^53 - 1) = psi/2^53, so
 * P(X = 2^53) = psi/(2^53 + psi). */
static void two_tables(void)
{
	double p, lo, hi, N = N53;
	/* psi = 1: both Fisher p-values are P(2^53) = 1/(2^53 + 1) (the
	 * other table is more probable; the mid-p is twice P(2^53)/2). */
	tap_ok(dsp_test_fisher_midp(N, N, 0, 1, &p) == DSP_OK, "fisher-midp 2^53/2^53 vs 0/1 runs");
	tap_rel(p, 1 / (N + 1), 1e-15, "fisher-midp 2^53/2^53 vs 0/1 = 1/(2^53 + 1) (was -1.8e16)");
	tap_ok(dsp_test_fisher(N, N, 0, 1, &p) == DSP_OK, "fisher 2^53/2^53 vs 0/1 runs");
	tap_rel(p, 1 / (N + 1), 1e-15, "fisher 2^53/2^53 vs 0/1 = 1/(2^53 + 1)");
	/* x1 is the top of the support: the upper bounds are inf.  exact:
	 * P(X >= 2^53) = alpha/2 at psi = 2^53 (alpha/2)/(1 - alpha/2);
	 * midp: P/2 = alpha/2, psi = 2^53 alpha/(1 - alpha); baptista-pike:
	 * p = P(X = 2^53) while the other table is more probable than
	 * (1 + 1e-7) P(2^53), i.e. below psi = 2^53/(1 + 1e-7), and p = 1
	 * above: the midp bound, or 2^53/(1 + 1e-7) where that is higher. */
	const double levels[] = {0.5, 0.95, 0.999};
	for (int i = 0; i < 3; i++) {
		double a = 1 - levels[i];
		tap_ok(dsp_or_exact(N, N, 0, 1, levels[i], &lo, &hi) == DSP_OK && hi == INFINITY,
		       "exact 2^53/2^53 vs 0/1 level %g: hi inf", levels[i]);
		tap_rel(lo, N * (a / 2) / (1 - a / 2), 1e-13, "exact lo = 2^53 (alpha/2)/(1 - alpha/2)");
		tap_ok(dsp_or_midp(N, N, 0, 1, levels[i], &lo, &hi) == DSP_OK && hi == INFINITY,
		       "midp 2^53/2^53 vs 0/1 level %g: hi inf", levels[i]);
		tap_rel(lo, N * a / (1 - a), 1e-13, "midp lo = 2^53 alpha/(1 - alpha)");
		double t = cpu();
		tap_ok(dsp_or_baptista_pike(N, N, 0, 1, levels[i], &lo, &hi) == DSP_OK &&
		       hi == INFINITY && cpu() - t < 10,
		       "baptista-pike 2^53/2^53 vs 0/1 level %g returns (it hung): hi inf", levels[i]);
		tap_rel(lo, fmin(N * a / (1 - a), N / (1 + 1e-7)), 1e-13,
			"baptista-pike lo = 2^53 min(alpha/(1 - alpha), 1/(1 + 1e-7))");
	}
}

/*
 * Three tables, x1 = 2^53 - 2 of 2^53 against 2 of 2: with j = k - x1 the
 * weights C(n1, k) C(2, 2 - j) psi^j are, with N = 2^53,
 * w0 = N (N - 1)/2, w1 = 2 N psi, w2 = psi^2; x1 is the bottom of the
 * support (lower bounds 0).  Write t = psi/N.  Beyond w2 = w0 (t about
 * 0.71) x1 is the least probable table and the minimum-likelihood p is
 * w0/(w0 + w1 + w2), about 1/(1 + 4t + 2t^2), which falls: at level 0.95
 * Baptista-Pike's bound solves it = alpha, psi^2 + 2 N psi -
 * (1/alpha - 1) w0 = 0 (t = 2.24).  At level 0.5 that p is already below
 * alpha at t = 0.71; below it p = (w0 + w2)/(w0 + w1 + w2), which is 1/2
 * at w0 + w2 = w1, psi^2 - 2 N psi + w0 = 0 (t = 0.29, the smaller root;
 * p < 1/2 between that and 0.71).
 */
static void three_tables(void)
{
	double lo, hi, N = N53;
	const double levels[] = {0.5, 0.95};
	for (int i = 0; i < 2; i++) {
		double a = 1 - levels[i], h = (N - 1) / (2 * N);  /* w0 / N^2 */
		double want = a == 0.5 ? N - N * sqrt(1 - h) : -N + N * sqrt(1 + (1 / a - 1) * h);
		tap_ok(dsp_or_baptista_pike(N - 2, N, 2, 2, levels[i], &lo, &hi) == DSP_OK && lo == 0,
		       "baptista-pike (2^53-2)/2^53 vs 2/2 level %g: no overrun, lo 0", levels[i]);
		tap_rel(hi, want, 1e-13, "baptista-pike hi solves w0/(w0+w1+w2) = alpha");
		/* exact: P(X <= x1) = w0/(w0 + w1 + w2) = alpha/2, the same
		 * quadratic with alpha/2. */
		want = -N + N * sqrt(1 + (2 / a - 1) * h);
		tap_ok(dsp_or_exact(N - 2, N, 2, 2, levels[i], &lo, &hi) == DSP_OK && lo == 0,
		       "exact (2^53-2)/2^53 vs 2/2 level %g: lo 0", levels[i]);
		tap_rel(hi, want, 1e-13, "exact hi solves w0/(w0+w1+w2) = alpha/2");
	}
}

/* x1 = 1 of 10 against 2^53 of 2^53: the margins pass 2^53.  The cell
 * n2 - x2 is 0, so x1 = 1 is the smallest value the margins allow (a
 * table with x1 = 0 would need x2 = 2^53 + 1): the sample odds ratio is 0
 * and so is every conditional lower bound (it was 2.8e-19). */
static void zero_cell(void)
{
	double lo, hi, N = N53;
	const char *names[] = {"exact", "midp", "baptista-pike", "mn", "woolf"};
	for (int i = 0; i < 5; i++) {
		const dsp_method *m = dsp_method_find(dsp_odds_methods, names[i]);
		int rc = m->fn.ratio(1, 10, N, N, 0.95, &lo, &hi);
		tap_ok(rc == DSP_OK && lo == 0 && hi > 0,
		       "%s 1/10 vs 2^53/2^53: lo = 0 = the estimate (hi %g)", names[i], hi);
	}
	tap_ok(dsp_or(1, 10, N, N) == 0, "odds ratio 1/10 vs 2^53/2^53 is 0");
}

/* Pearson's X^2 where N - m = 1 but m = 2^54 - 1 is not a double:
 * 2^53/2^53 vs (2^53 - 1)/2^53 has ad - bc = 2^53, so
 * X^2 = N (ad - bc)^2 / (n1 n2 m (N - m)) = 2^54 / (2^54 - 1). */
static void pearson_margins(void)
{
	double p, N = N53, x2 = 1;  /* 2^54/(2^54 - 1) rounds to 1 */
	double want = erfc(sqrt(x2 / 2));
	tap_ok(dsp_test_chi2(N, N, N - 1, N, &p) == DSP_OK, "chi2 2^53/2^53 vs (2^53-1)/2^53 runs");
	tap_rel(p, want, 1e-14, "chi2: X^2 = 2^54/(2^54 - 1) (N - m was 0: nan)");
	tap_ok(dsp_test_score(N, N, N - 1, N, &p) == DSP_OK, "score runs");
	tap_rel(p, want, 1e-14, "score: the same X^2");
	/* Yates: |ad - bc| - N/2 = 2^53 - 2^53 = 0, so X^2 = 0 and p = 1. */
	tap_ok(dsp_test_chi2_yates(N, N, N - 1, N, &p) == DSP_OK && p == 1,
	       "chi2-yates: |ad - bc| - N/2 = 0, p = 1 (got %.17g)", p);
	/* G: cells O = (N, 0, N - 1, 1) with N = 2^53, expected E = (N - 1/2,
	 * 1/2, N - 1/2, 1/2), so G/2 = sum O log(O/E) = N log(N/(N - 1/2)) +
	 * (N - 1) log((N - 1)/(N - 1/2)) + log 2, formed from log1p in long
	 * double. */
	long double L = 2.0L * N, n = N;
	long double g = n * -log1pl(-1 / L) +
		(n - 1) * (log1pl(-1 / n) - log1pl(-1 / L)) + logl(2.0L);
	tap_ok(dsp_test_g(N, N, N - 1, N, &p) == DSP_OK, "g runs");
	tap_rel(p, erfc(sqrtl(g)), 1e-12, "g: 2 sum O log(O/E) at margins past 2^53");
}

/* The Euler-Maclaurin tails against a plain sum of the neighbour ratios
 * (long double), and the psi = 1 normaliser against the closed form of
 * the central hypergeometric density (Loader, saddle.c), at sd ~ 3500. */
static void em_sums(void)
{
	double x1 = 5e7, n1 = 1e8, x2 = 5e7 + 3000, n2 = 1e8;
	dsp_nch d = dsp_nch_make(x1, n1, x2, n2, 0);
	double m = x1 + x2;
	tap_rel(dsp_nch_ld(&d, d.mode), dsp_ldhyper(d.mode, n1, n2, m), 1e-13,
		"log P(mode) from the summed normaliser = Loader's closed form");
	long double t = 1, s = 0;
	for (double k = x1; k < d.hi; k++) {
		s += t;
		t *= (long double)(n1 - k) * (m - k) / ((k + 1) * (n2 - m + k + 1));
		if (t < 1e-30L * s)
			break;
	}
	double want = dsp_ldhyper(x1, n1, n2, m) + (double)logl(s);
	tap_rel(dsp_nch_ltail(&d, x1, +1), want, 1e-13, "log P(X >= x1) = plain sum (%.0Lf terms)", s);
}

/* Issue 9: over a second at 10^12.  A guard, not a benchmark: the
 * machine is shared and the sanitizer build is slower. */
static void speed(void)
{
	const char *names[] = {"exact", "midp", "baptista-pike"};
	for (int i = 0; i < 3; i++) {
		const dsp_method *m = dsp_method_find(dsp_odds_methods, names[i]);
		double lo, hi, t = cpu();
		int rc = m->fn.ratio(5e11, 1e12, 5.00001e11, 1e12, 0.95, &lo, &hi);
		t = cpu() - t;
		tap_ok(rc == DSP_OK && lo < 1 && hi > 1 && t < 10,
		       "%s 5e11/1e12 vs 5.00001e11/1e12: %.2f s cpu", names[i], t);
	}
}

int main(void)
{
	two_tables();
	three_tables();
	zero_cell();
	pearson_margins();
	em_sums();
	speed();
	return tap_done();
}
