/*
 * ratio.c - confidence intervals for a ratio of two binomial proportions.
 *
 * koopman: Koopman (1984) Biometrics 40:513, the score interval; the
 *   constrained maximum-likelihood estimates are the closed form of
 *   Miettinen & Nurminen (1985) Statistics in Medicine 4:213, and the
 *   statistic is their eq. without the n/(n-1) variance factor.
 * katz: Katz, Baptista, Azen & Pike (1978) Biometrics 34:469, the normal
 *   interval for log RR.
 */
#include "ratio.h"
#include "dsp.h"
#include "propci.h"
#include "root.h"
#include "score.h"
#include "test2x2.h"

#include <gsl/gsl_cdf.h>

#include <float.h>
#include <math.h>


static int bad_args(double x1, double n1, double x2, double n2, double level)
{
	return !(n1 >= 1 && n2 >= 1 && n1 <= DSP_COUNT_MAX && n2 <= DSP_COUNT_MAX &&
		 x1 >= 0 && x1 <= n1 && x2 >= 0 && x2 <= n2 &&
		 x1 == floor(x1) && x2 == floor(x2) && n1 == floor(n1) &&
		 n2 == floor(n2) && level > 0 && level < 1);
}

double dsp_rr(double x1, double n1, double x2, double n2)
{
	if (x2 == 0)
		return x1 == 0 ? NAN : INFINITY;
	return (x1 / n1) / (x2 / n2);
}

/*
 * The larger root of a q^2 - b q + c = 0 (a > 0, real roots), formed so that
 * neither root's formula subtracts nearly equal numbers.
 */
static double larger_root(double a, double b, double c)
{
	double disc = b * b - 4 * a * c, s = sqrt(disc > 0 ? disc : 0);
	if (b >= 0)
		return (b + s) / (2 * a);
	return b - s == 0 ? 0 : 2 * c / (b - s);
}

/*
 * The table fitted under p1 = phi p2 (Miettinen & Nurminen 1985,
 * appendix): p2 is the smaller root of N phi p^2 - (n1 phi + x1 + n2 +
 * x2 phi) p + (x1 + x2) = 0 and p1 = phi p2.  Near p = 1 the variance
 * needs 1 - p to full accuracy, so we also solve for q = 1 - p directly:
 * substituting p = 1 - q gives quadratics whose constant terms are exact
 * products, (n1 - x1)(1 - phi) and (n2 - x2)(phi - 1), and the q we want
 * is the larger root.
 */
struct fit { double p1, q1, p2, q2; };

static struct fit rr_fit(double x1, double n1, double x2, double n2, double phi)
{
	double N = n1 + n2, C = x1 + x2;
	double B = n1 * phi + x1 + n2 + x2 * phi;
	double p2 = C == 0 ? 0 : 2 * C / (B + sqrt(fmax(B * B - 4 * N * phi * C, 0)));
	double p1 = fmin(phi * p2, 1);
	p2 = fmin(p2, 1);
	/* Each form is accurate on its own side only: 1 - p when p is small,
	 * the root for q when p is near 1 (there the roots' discriminant no
	 * longer cancels). */
	double q1 = p1 < 0.5 ? 1 - p1 : larger_root(N, n1 * (2 - phi) + n2 - x1 - x2 * phi,
						    (n1 - x1) * (1 - phi));
	double q2 = p2 < 0.5 ? 1 - p2 : larger_root(N * phi, n1 * phi + 2 * n2 * phi - x1 - n2 - x2 * phi,
						    (n2 - x2) * (phi - 1));
	return (struct fit){p1, fmin(fmax(q1, 0), 1), p2, fmin(fmax(q2, 0), 1)};
}

double dsp_rr_score_stat(double x1, double n1, double x2, double n2, double phi)
{
	/* Written as the Miettinen-Nurminen z^2 without the n/(n-1) factor,
	 * which equals Koopman's Pearson chi-square and stays finite when a
	 * fitted p is 0 or 1. */
	struct fit f = rr_fit(x1, n1, x2, n2, phi);
	double d = x1 / n1 - phi * (x2 / n2);
	double v = f.p1 * f.q1 / n1 + phi * phi * f.p2 * f.q2 / n2;
	return d * d / v;
}

double dsp_rr_scas_stat(double x1, double n1, double x2, double n2, double phi,
			double z)
{
	/* Laud (2017) eq. 3 at one end of the interval: S / V^(1/2) -
	 * (z^2 - 1) mu3 / (6 V^(3/2)), S = p1^ - phi p2^, V the MN variance
	 * (with N/(N-1)) and mu3 the third central moment of S, both at the
	 * fitted table.  A moment of S is that of p1^ plus (-phi)^k times
	 * that of p2^; the binomial's third is p q (q - p) / n^2. */
	struct fit f = rr_fit(x1, n1, x2, n2, phi);
	double N = n1 + n2;
	double s = x1 / n1 - phi * (x2 / n2);
	double v = (f.p1 * f.q1 / n1 + phi * phi * f.p2 * f.q2 / n2) * (N / (N - 1));
	double mu3 = f.p1 * f.q1 * (f.q1 - f.p1) / (n1 * n1) -
		     phi * phi * phi * f.p2 * f.q2 * (f.q2 - f.p2) / (n2 * n2);
	if (s == 0 && v == 0)
		return 0;
	return s / sqrt(v) - (z * z - 1) * mu3 / (6 * v * sqrt(v));
}

/* The score interval {phi : T(phi) <= crit} of a: Koopman's with crit =
 * z^2, Miettinen-Nurminen's with their N/(N-1) factor moved onto crit. */
static int score_interval(const dsp_score *a, double *lo, double *hi)
{
	double x1 = a->x1, n1 = a->n1, x2 = a->x2, n2 = a->n2, crit = a->crit;
	*lo = 0;
	*hi = INFINITY;
	if (x1 == 0 && x2 == 0)
		return DSP_OK;
	if (x1 == n1 && x2 == n2) {
		/* Both groups all events: the fitted table is p2 = 1, p1 = phi
		 * below phi = 1 and p1 = 1, p2 = 1/phi above, where T reduces
		 * to n1(1-phi)/phi and n2(phi-1); T = crit solves directly. */
		*lo = n1 / (n1 + crit);
		*hi = 1 + crit / n2;
		return DSP_OK;
	}
	/* The statistic is 0 at the point estimate and grows on each side;
	 * with x1 = 0 (x2 = 0) the estimate is 0 (inf) and is itself the
	 * lower (upper) bound. */
	double u0 = x1 == 0 || x2 == 0 ? NAN : log(dsp_rr(x1, n1, x2, n2));
	if (x1 > 0)  /* with x2 = 0, start as if x2 were 1 */
		*lo = dsp_score_bound(a, x2 == 0 ? log((x1 / n1) * n2) : u0, -1);
	if (x2 > 0)
		*hi = dsp_score_bound(a, x1 == 0 ? log(n2 / (x2 * n1)) : u0, +1);
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

int dsp_rr_koopman(double x1, double n1, double x2, double n2, double level,
		   double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	double z = dsp_z(level);
	dsp_score a = {dsp_rr_score_stat, x1, n1, x2, n2, z * z, DSP_SCALE_LOG};
	return score_interval(&a, lo, hi);
}

int dsp_rr_mn(double x1, double n1, double x2, double n2, double level,
	      double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	double z = dsp_z(level), N = n1 + n2;
	dsp_score a = {dsp_rr_score_stat, x1, n1, x2, n2, z * z * (N / (N - 1)),
		       DSP_SCALE_LOG};
	return score_interval(&a, lo, hi);
}

int dsp_test_score_mn(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2, 0.5))
		return dsp_ret(out, NAN, DSP_EDOM);
	/* T(1) is Pearson's X^2 (see dsp_test_score); MN's is (N-1)/N of it. */
	double x = dsp_chi2_stat(x1, n1, x2, n2), N = n1 + n2;
	return dsp_ret(out, isnan(x) ? 1 : gsl_cdf_chisq_Q(x * ((N - 1) / N), 1), DSP_OK);
}

/* Whether SCAS at level z accepts phi = e^u. */
static int scas_accepts(double x1, double n1, double x2, double n2, double z,
			double u)
{
	return fabs(dsp_rr_scas_stat(x1, n1, x2, n2, exp(u), z)) <= z;
}

/*
 * The outermost accepted ratio on side dir.  Where a fitted p nears 0 or 1
 * in a small group, the skewness term can swing the corrected score back
 * and forth, so the accepted set need not be an interval, nor hold the
 * estimate: we take its hull.  A grid walks out from u0 in steps of 1/64
 * growing by an eighth, to 128 from u0 (bounds of counts up to 2^53 lie
 * well within that); the end lies between the outermost accepted grid
 * point and the next one out, found by bisection.  When nothing on side
 * dir is accepted, the accepted point nearest u0 on the other side is the
 * outermost.  Accepted to the grid's end: 0 or inf.
 */
static double scas_end(double x1, double n1, double x2, double n2, double z,
		       double u0, int dir)
{
	double in = NAN, out = NAN, step = 1.0 / 64, u;
	for (u = u0; fabs(u - u0) < 128; u += dir * step, step *= 1.125) {
		if (scas_accepts(x1, n1, x2, n2, z, u))
			in = u, out = NAN;
		else if (isnan(out))
			out = u;
	}
	if (isnan(in))
		for (u = u0 - dir / 64.0, step = 1.0 / 64; fabs(u - u0) < 128;
		     out = u, u -= dir * (step *= 1.125))
			if (scas_accepts(x1, n1, x2, n2, z, u)) {
				in = u;
				break;
			}
	if (isnan(in))
		return NAN;
	if (isnan(out))
		return dir < 0 ? 0 : INFINITY;
	for (;;) {
		double c = in + (out - in) / 2;
		if (c == in || c == out)
			break;
		if (scas_accepts(x1, n1, x2, n2, z, c)) in = c; else out = c;
	}
	return exp(in + (out - in) / 2);
}

int dsp_rr_scas(double x1, double n1, double x2, double n2, double level,
		double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	/* All events in both groups: the fitted variance is 0 at phi = 1
	 * and the correction has no limit there; MN's interval stands in. */
	if (x1 == n1 && x2 == n2)
		return dsp_rr_mn(x1, n1, x2, n2, level, lo, hi);
	double z = dsp_z(level);
	*lo = 0;
	*hi = INFINITY;
	if (x1 == 0 && x2 == 0)
		return DSP_OK;
	/* Start from the estimate; with x1 = 0 (x2 = 0) as if it were 1. */
	double u0 = x1 == 0 ? log(n2 / (x2 * n1)) : x2 == 0 ? log((x1 / n1) * n2) :
		log(dsp_rr(x1, n1, x2, n2));
	if (x1 > 0)
		*lo = scas_end(x1, n1, x2, n2, z, u0, -1);
	if (x2 > 0)
		*hi = scas_end(x1, n1, x2, n2, z, u0, +1);
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

int dsp_test_score_scas(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2, 0.5))
		return dsp_ret(out, NAN, DSP_EDOM);
	double m = x1 + x2, N = n1 + n2;
	if (m == 0 || m == N)
		return dsp_ret(out, 1, DSP_OK);  /* the interval is (0, inf) or MN's, which holds 1 */
	/* At phi = 1 the fitted table is the pooled rate p, so with s =
	 * S/V^(1/2) and A = mu3/(6 V^(3/2)) the interval holds 1 at level z
	 * exactly when s - A (z^2 - 1) lies in [-z, z].  Its ends in z are
	 * the roots of A c^2 + c - (s + A) = 0: the corrected score is the
	 * root near s, c = 2 (s + A) / (1 + sqrt(1 + 4 A (s + A))), and
	 * p = 2 Phi(-|c|).  With no real root, s - A (z^2 - 1) is beyond +-z
	 * at every z: every interval excludes 1, and p = 0. */
	double p = m / N, q = (N - m) / N;
	double s = dsp_cross_diff(x1, n1, x2, n2) / (n1 * n2);
	double v = p * q * (N / (n1 * n2)) * (N / (N - 1));
	double mu3 = p * q * (q - p) * (1 / (n1 * n1) - 1 / (n2 * n2));
	double A = mu3 / (6 * v * sqrt(v));
	s /= sqrt(v);
	double d = 1 + 4 * A * (s + A);
	if (d < 0)
		return dsp_ret(out, 0, DSP_OK);
	double c = 2 * (s + A) / (1 + sqrt(d));
	return dsp_ret(out, 2 * gsl_cdf_ugaussian_Q(fabs(c)), DSP_OK);
}

int dsp_rr_katz(double x1, double n1, double x2, double n2, double level,
		double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	if (x1 == 0 || x2 == 0) {
		/* log RR and its variance are infinite: no information. */
		*lo = 0;
		*hi = INFINITY;
		return DSP_OK;
	}
	/* (n - x)/(x n) rather than 1/x - 1/n: no cancellation when x ~ n. */
	double se = sqrt((n1 - x1) / (x1 * n1) + (n2 - x2) / (x2 * n2));
	double u = log(dsp_rr(x1, n1, x2, n2)), z = dsp_z(level);
	*lo = exp(u - z * se);
	*hi = exp(u + z * se);
	return DSP_OK;
}

int dsp_rr_adj_log(double x1, double n1, double x2, double n2, double level,
		   double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	/* Katz's interval after adding 1/2 to each count of events and each
	 * total, so that zero cells need no special case. */
	double a = x1 + 0.5, m = n1 + 0.5, b = x2 + 0.5, n = n2 + 0.5;
	double se = sqrt((m - a) / (a * m) + (n - b) / (b * n));
	double u = log((a / m) / (b / n)), z = dsp_z(level);
	*lo = exp(u - z * se);
	*hi = exp(u + z * se);
	return DSP_OK;
}

int dsp_rr_bailey(double x1, double n1, double x2, double n2, double level,
		  double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	*lo = 0;
	*hi = INFINITY;
	if (x1 == 0 || x2 == 0)
		return DSP_OK;  /* the formula divides by x1 and x2 (as katz) */
	/* Bailey's pivot is the cube root of the ratio, the power that
	 * makes the pivot least skewed: bounds
	 * rr [(1 -/+ z sqrt(q1/x1 + q2/x2 - z^2 q1 q2 / (9 x1 x2)) / 3) /
	 *     (1 - z^2 q2 / (9 x2))]^3,
	 * where a root without a real solution leaves that side unbounded. */
	double z = dsp_z(level), z2 = z * z;
	double q1 = (n1 - x1) / n1, q2 = (n2 - x2) / n2;
	double v = q1 / x1 + q2 / x2 - z2 * q1 * q2 / (9 * x1 * x2);
	double d = 1 - z2 * q2 / (9 * x2), rr = dsp_rr(x1, n1, x2, n2);
	double w = z * sqrt(fmax(v, 0)) / 3;
	if (d <= 0)
		return DSP_OK;
	double l = (1 - w) / d, h = (1 + w) / d;
	*lo = l > 0 ? rr * l * l * l : 0;
	*hi = rr * h * h * h;
	return DSP_OK;
}
