/*
 * test2x2.c - Fisher's exact and Pearson's chi-square tests for 2x2 tables.
 *
 * Yates (1934) J R Stat Soc Suppl 1:217; G: Woolf (1957) Ann Hum Genet
 * 21:397.  Fisher: Fisher (1935) J R Stat Soc 98:39; the two-sided
 * minimum-likelihood rule of Irwin (1935).  Fisher's tests are the
 * hypergeometric law of nchyper.h at psi = 1: rather than visit every table
 * of the support (10^9 of them at 10^9 counts), the cut points are found by
 * bisection and each tail is summed outward from its start.  Everything is
 * formed from the cells, exact up to 2^53, never from N - m.
 */
#include "test2x2.h"
#include "dsp.h"
#include "nchyper.h"
#include "saddle.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>

static int bad_args(double x1, double n1, double x2, double n2)
{
	return !(n1 >= 1 && n2 >= 1 && n1 <= DSP_COUNT_MAX && n2 <= DSP_COUNT_MAX &&
		 x1 >= 0 && x1 <= n1 && x2 >= 0 && x2 <= n2 &&
		 x1 == floor(x1) && x2 == floor(x2) && n1 == floor(n1) &&
		 n2 == floor(n2));
}

int dsp_test_fisher(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	dsp_nch h = dsp_nch_make(x1, n1, x2, n2, 0);  /* psi = 1: hypergeometric */
	return dsp_ret(out, dsp_nch_minlike(&h, x1), DSP_OK);
}

int dsp_test_fisher_midp(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	dsp_nch h = dsp_nch_make(x1, n1, x2, n2, 0);
	/* The one-sided mid-p values L = P(X < x1) + P(x1)/2 and U = 1 - L.
	 * Take the tail that lies away from the mode, summed outward (the
	 * other is its complement); P(x1)/2 is at most half that tail, so
	 * the subtraction keeps its digits.  The tail is used as it is:
	 * through 1 - (1 - t) a small p would be lost. */
	double half = exp(dsp_nch_ld(&h, x1)) / 2;
	double t = exp(dsp_nch_ltail(&h, x1, x1 <= h.mode ? -1 : +1)) - half;
	double p = 2 * fmin(t, 1 - t);
	return dsp_ret(out, p > 1 ? 1 : p, DSP_OK);
}

/* x1 n2 - x2 n1 (= ad - bc), by Kahan's fma method: exact enough even when
 * both products pass 2^53 and nearly cancel. */
double dsp_cross_diff(double x1, double n1, double x2, double n2)
{
	double w = x2 * n1;
	return fma(x1, n2, -w) - fma(x2, n1, -w);
}

/* N (x1 n2 - x2 n1)^2 / (n1 n2 m (N - m)) with |x1 n2 - x2 n1| first
 * reduced by `less` (at most to 0); NaN at a zero margin. */
static double pearson(double x1, double n1, double x2, double n2, double less)
{
	/* The column totals from the cells, each rounded once: N - m as a
	 * difference of rounded totals loses everything near 2^54. */
	double m = x1 + x2, k = (n1 - x1) + (n2 - x2), N = n1 + n2;
	if (m == 0 || k == 0)
		return NAN;
	double d = fmax(fabs(dsp_cross_diff(x1, n1, x2, n2)) - less, 0);
	return (d / n1) * (d / n2) * (N / m) / k;
}

double dsp_chi2_stat(double x1, double n1, double x2, double n2)
{
	return bad_args(x1, n1, x2, n2) ? NAN : pearson(x1, n1, x2, n2, 0);
}

int dsp_test_score(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	/* Koopman's score statistic at ratio 1 is Pearson's X^2 (the
	 * constrained MLE is the pooled rate), so the exact-integer form
	 * serves.  A zero margin leaves it 0/0; the interval it inverts is then
	 * (0, inf), so p = 1 keeps the two consistent. */
	double x = dsp_chi2_stat(x1, n1, x2, n2);
	return dsp_ret(out, isnan(x) ? 1 : gsl_cdf_chisq_Q(x, 1), DSP_OK);
}

int dsp_test_chi2_yates(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	/* Every cell has the same |O - E| = |ad - bc| / N, so reducing it by
	 * 1/2 reduces |ad - bc| by N/2.  NaN (undefined) at a zero margin. */
	double x = pearson(x1, n1, x2, n2, (n1 + n2) / 2);
	return dsp_ret(out, isnan(x) ? NAN : gsl_cdf_chisq_Q(x, 1), DSP_OK);
}

/* G itself; NaN at a zero margin, where it is undefined. */
static double g_stat(double x1, double n1, double x2, double n2)
{
	double O[4] = {x1, n1 - x1, x2, n2 - x2};
	if ((O[0] == 0 && O[2] == 0) || (O[1] == 0 && O[3] == 0))
		return NAN;
	/* G = 2 sum [O log(O/E) - O + E] (the added terms sum to 0): each
	 * term is Loader's bd0 >= 0, so nothing cancels when O is near E.
	 * It is formed from O - E = +/-(ad - bc)/N itself: O minus a rounded E
	 * near 2^53 would carry an ulp of E into O - E. */
	double N = n1 + n2, D = dsp_cross_diff(x1, n1, x2, n2) / N, g = 0;
	double m = O[0] + O[2], k = O[1] + O[3];
	double E[4] = {n1 * m / N, n1 * k / N, n2 * m / N, n2 * k / N};
	for (int i = 0; i < 4; i++)
		g += O[i] == 0 ? E[i] : dsp_bd0_delta(E[i], i == 0 || i == 3 ? D : -D);
	return 2 * g;
}

int dsp_test_g(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	double g = g_stat(x1, n1, x2, n2);
	return dsp_ret(out, isnan(g) ? NAN : gsl_cdf_chisq_Q(g, 1), DSP_OK);
}

int dsp_test_chi2(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	double x = dsp_chi2_stat(x1, n1, x2, n2);  /* NaN at a zero margin */
	return dsp_ret(out, isnan(x) ? NAN : gsl_cdf_chisq_Q(x, 1), DSP_OK);
}

/*
 * One-sided ("greater": the group's rate x1/n1 exceeds the reference's
 * x2/n2).  The exact tests take the upper tail of the hypergeometric law
 * of x1 given the margins, as R's fisher.test(alternative = "greater");
 * the asymptotic ones the upper normal tail of the signed root of their
 * statistic, with the sign of x1 n2 - x2 n1 (as R's prop.test for
 * Pearson's, with or without Yates' correction).  "less" is "greater"
 * with the groups swapped.
 */
int dsp_test_fisher_greater(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	dsp_nch h = dsp_nch_make(x1, n1, x2, n2, 0);
	double p = exp(dsp_nch_ltail(&h, x1, +1));
	return dsp_ret(out, p > 1 ? 1 : p, DSP_OK);
}

int dsp_test_fisher_midp_greater(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	dsp_nch h = dsp_nch_make(x1, n1, x2, n2, 0);
	/* P(X > x1) + P(x1)/2: above the mode from the upper tail (half of
	 * P(x1) is at most half of it), at or below from the lower one, as
	 * 1 - [P(X < x1) + P(x1)/2]. */
	double half = exp(dsp_nch_ld(&h, x1)) / 2, p;
	if (x1 > h.mode)
		p = exp(dsp_nch_ltail(&h, x1, +1)) - half;
	else
		p = 1 - (exp(dsp_nch_ltail(&h, x1, -1)) - half);
	return dsp_ret(out, p < 0 ? 0 : p > 1 ? 1 : p, DSP_OK);
}

/* The upper normal tail of the signed root of x >= 0, the sign of d. */
static double signed_q(double x, double d)
{
	return gsl_cdf_ugaussian_Q(d < 0 ? -sqrt(x) : sqrt(x));
}

int dsp_test_chi2_greater(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	double x = pearson(x1, n1, x2, n2, 0);
	return dsp_ret(out, isnan(x) ? NAN : signed_q(x, dsp_cross_diff(x1, n1, x2, n2)),
		       DSP_OK);
}

int dsp_test_chi2_yates_greater(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	/* R's prop.test: |O - E| reduced by min(1/2, |O - E|), the sign of
	 * the uncorrected difference (0 after the reduction: p = 1/2). */
	double x = pearson(x1, n1, x2, n2, (n1 + n2) / 2);
	return dsp_ret(out, isnan(x) ? NAN : signed_q(x, dsp_cross_diff(x1, n1, x2, n2)),
		       DSP_OK);
}

int dsp_test_g_greater(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	/* The signed likelihood root, sign(x1 n2 - x2 n1) sqrt(G). */
	double g = g_stat(x1, n1, x2, n2);
	return dsp_ret(out, isnan(g) ? NAN : signed_q(g, dsp_cross_diff(x1, n1, x2, n2)),
		       DSP_OK);
}

int dsp_test_score_greater(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	/* As dsp_test_score: a zero margin leaves the one-sided interval
	 * [0, inf), which holds 1 at every level: p = 1. */
	double x = pearson(x1, n1, x2, n2, 0);
	return dsp_ret(out, isnan(x) ? 1 : signed_q(x, dsp_cross_diff(x1, n1, x2, n2)),
		       DSP_OK);
}
