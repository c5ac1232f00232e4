/*
 * ratio.c - confidence intervals for a ratio of two binomial proportions.
 *
 * koopman: Koopman (1984) Biometrics 40:513, the score interval; the
 *   constrained maximum-likelihood estimates are the closed form of
 *   Miettinen & Nurminen (1985) Statistics in Medicine 4:213, and the
 *   statistic is their eq. without the n/(n-1) variance factor.
 * katz: Katz, Baptista, Azen & Pike (1978) Biometrics 34:469, the normal
 *   interval for log RR.
 * asinh: Fagerland, Lydersen & Laake (2015) Stat Methods Med Res 24:224,
 *   the adjusted inverse hyperbolic sine interval.
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
 * The larger root of a q^2 - b q + c = 0 (a > 0, c <= 0, so real roots of
 * opposite signs), formed so that neither root's formula subtracts nearly
 * equal numbers.
 */
static double larger_root(double a, double b, double c)
{
	double s = sqrt(b * b - 4 * a * c);
	if (b >= 0)
		return (b + s) / (2 * a);
	return b - s == 0 ? 0 : 2 * c / (b - s);
}

/* Sums and products held as hi + lo, exact (Knuth's two-sum; the fma
 * product of Dekker 1971): the integer sums below pass 2^53. */
typedef struct { double hi, lo; } dd;

static dd two_sum(double a, double b)
{
	double s = a + b, v = s - a;
	return (dd){s, (a - (s - v)) + (b - v)};
}

static dd dd_add(dd a, double b)
{
	dd s = two_sum(a.hi, b);
	return two_sum(s.hi, s.lo + a.lo);
}

/* phi k - l to a relative error of a few ulps, however much it cancels. */
static double fms(double phi, dd k, dd l)
{
	double p = phi * k.hi, pl = fma(phi, k.hi, -p);
	dd t = two_sum(p, -l.hi);
	return t.hi + (t.lo + pl + (phi * k.lo - l.lo));
}

/*
 * The table fitted under p1 = phi p2 (Miettinen & Nurminen 1985,
 * appendix): p2 is the smaller root of N phi p^2 - (n1 phi + x1 + n2 +
 * x2 phi) p + (x1 + x2) = 0.  Every one of p1, q1 = 1 - p1, p2, q2 must
 * keep its relative accuracy, the q near 0 above all (a group of 10^9 with
 * q1 ~ 10^-9 next to a group of 10 has a variance term of 10^-18 beside
 * one of 10^-1 q2).  Near p2 = 1 (or p1 = 1) the two roots in p close up
 * and lose half the digits, so we solve for q2 (q1) instead: substituting
 * p = 1 - q gives a quadratic whose roots have opposite signs (the
 * constant is (n2 - x2)(phi - 1) <= 0 for phi <= 1, (n1 - x1)(1 - phi) <= 0
 * for phi >= 1), so the positive one is well conditioned, once its linear
 * coefficient, a difference of sums of counts times phi, is formed
 * without cancellation (fms).  The rest follow from it without
 * subtracting nearly equal numbers.
 */
struct fit { double p1, q1, p2, q2; };

static double small_root_p2(double x1, double n1, double x2, double n2, double phi)
{
	/* Used only where p2 <= 1/2 (phi <= 1) or p1 <= 1/2 (phi >= 1): the
	 * other root is then at least twice as large, no cancellation. */
	double C = x1 + x2, N = n1 + n2;
	double B = n1 * phi + x1 + n2 + x2 * phi;
	return C == 0 ? 0 : 2 * C / (B + sqrt(fmax(B * B - 4 * N * phi * C, 0)));
}

static struct fit rr_fit(double x1, double n1, double x2, double n2, double phi)
{
	struct fit f;
	dd N = two_sum(n1, n2);
	if (phi <= 1) {
		/* N phi q2^2 - [phi (n1 + 2 n2 - x2) - (x1 + n2)] q2 +
		 * (n2 - x2)(phi - 1) = 0 */
		double b = fms(phi, dd_add(dd_add(N, n2), -x2), two_sum(x1, n2));
		f.q2 = larger_root(N.hi * phi, b, (n2 - x2) * (phi - 1));
		f.p2 = f.q2 > 0.5 ? small_root_p2(x1, n1, x2, n2, phi) : 1 - f.q2;
		f.p1 = phi * f.p2;
		f.q1 = f.p1 < 0.5 ? 1 - f.p1 : (1 - phi) + phi * f.q2;
	} else {
		/* N q1^2 - [(2 n1 + n2 - x1) - phi (n1 + x2)] q1 +
		 * (n1 - x1)(1 - phi) = 0 */
		double b = -fms(phi, two_sum(n1, x2), dd_add(dd_add(N, n1), -x1));
		f.q1 = larger_root(N.hi, b, (n1 - x1) * (1 - phi));
		f.p1 = f.q1 > 0.5 ? phi * small_root_p2(x1, n1, x2, n2, phi) : 1 - f.q1;
		f.p2 = f.p1 / phi;
		f.q2 = f.p2 < 0.5 ? 1 - f.p2 : ((phi - 1) + f.q1) / phi;
	}
	f.p1 = fmin(fmax(f.p1, 0), 1), f.q1 = fmin(fmax(f.q1, 0), 1);
	f.p2 = fmin(fmax(f.p2, 0), 1), f.q2 = fmin(fmax(f.q2, 0), 1);
	return f;
}

/* x1/n1 - phi x2/n2, the score, exact to rounding near its zero. */
static double rr_score(double x1, double n1, double x2, double n2, double phi)
{
	double p = x1 * n2, pl = fma(x1, n2, -p);       /* x1 n2 = p + pl */
	double q = x2 * n1, ql = fma(x2, n1, -q);       /* x2 n1 = q + ql */
	double r = phi * q, rl = fma(phi, q, -r);
	dd t = two_sum(p, -r);
	return (t.hi + (t.lo + pl - rl - phi * ql)) / n1 / n2;
}

double dsp_rr_score_stat(double x1, double n1, double x2, double n2, double phi)
{
	/* Written as the Miettinen-Nurminen z^2 without the n/(n-1) factor,
	 * which equals Koopman's Pearson chi-square and stays finite when a
	 * fitted p is 0 or 1. */
	struct fit f = rr_fit(x1, n1, x2, n2, phi);
	double d = rr_score(x1, n1, x2, n2, phi);
	double v = f.p1 * f.q1 / n1 + phi * phi * f.p2 * f.q2 / n2;
	return d == 0 ? 0 : d * d / v;
}

double dsp_rr_scas_score(double x1, double n1, double x2, double n2, double phi)
{
	/* Laud (2017) eq. 3: s - A (c^2 - 1) = c with s = S/V^(1/2), S = p1^
	 * - phi p2^, V the MN variance (with N/(N-1)) and A = mu3/(6 V^(3/2)),
	 * mu3 the third central moment of S, all at the fitted table.  A
	 * moment of S is that of p1^ plus (-phi)^k times that of p2^; the
	 * binomial's third is p q (q - p) / n^2.  As ratesci computes it, c
	 * is the root of A c^2 + c - (s + A) = 0 near s:
	 * 2 (s + A) / (1 + sqrt(1 + 4 A (s + A))), a score free of the level,
	 * so that intervals nest and the test is the one they invert.  With
	 * no real root (1 + 4 A (s + A) < 0, which needs |s| > 1, and s + A
	 * then has the sign of s) the score is beyond every z: +-inf. */
	struct fit f = rr_fit(x1, n1, x2, n2, phi);
	double N = n1 + n2;
	double S = rr_score(x1, n1, x2, n2, phi);
	double v = (f.p1 * f.q1 / n1 + phi * phi * f.p2 * f.q2 / n2) * (N / (N - 1));
	double mu3 = f.p1 * f.q1 * (f.q1 - f.p1) / (n1 * n1) -
		     phi * phi * phi * f.p2 * f.q2 * (f.q2 - f.p2) / (n2 * n2);
	if (S == 0 && v == 0)
		return 0;
	if (v == 0)
		return copysign(INFINITY, S);
	double s = S / sqrt(v), A = mu3 / (6 * v * sqrt(v)), w = s + A;
	double d = 1 + 4 * A * w;
	if (d < 0)
		return copysign(INFINITY, s);
	if (isinf(d))  /* 4 A w overflowed: c ~ w / sqrt(A w) */
		return copysign(sqrt(w / A), w);
	return 2 * w / (1 + sqrt(d));
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
	double e = dsp_rr(x1, n1, x2, n2), u0 = NAN;
	if (x1 > 0 && x2 > 0 && dsp_score_start(a, e, &u0)) {
		/* An interval narrower than the doubles around e: rounding
		 * alone puts T above crit at each. */
		*lo = fmin(e, exp(u0)), *hi = fmax(e, exp(u0));
		return DSP_OK;
	}
	if (x1 > 0)  /* with x2 = 0, start as if x2 were 1 */
		*lo = dsp_score_bound(a, x2 == 0 ? log((x1 / n1) * n2) : u0, -1);
	if (x2 > 0)
		*hi = dsp_score_bound(a, x1 == 0 ? log(n2 / (x2 * n1)) : u0, +1);
	if (x1 > 0 && x2 > 0)  /* a bound within an ulp of e may round past it */
		*lo = fmin(*lo, e), *hi = fmax(*hi, e);
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
	/* T(1) is Pearson's X^2 (see dsp_test_score), MN's (N-1)/N of it:
	 * (N-1) d^2 / (n1 n2 m r), d = x1 n2 - x2 n1, m events, r = N - m
	 * non-events.  A zero margin (m or r 0, tested on the counts: past
	 * 2^53 N - m rounds) leaves the interval (0, inf): p = 1. */
	if ((x1 == 0 && x2 == 0) || (x1 == n1 && x2 == n2))
		return dsp_ret(out, 1, DSP_OK);
	double d = dsp_cross_diff(x1, n1, x2, n2), N = n1 + n2;
	double x = (d / n1) * (d / n2) * ((N - 1) / (x1 + x2)) / ((n1 - x1) + (n2 - x2));
	return dsp_ret(out, gsl_cdf_chisq_Q(x, 1), DSP_OK);
}

/*
 * SCAS.  The corrected score c(phi) is free of the level, so the set it
 * accepts, {phi : |c(phi)| <= z}, grows with z.  Where a fitted p nears 0
 * or 1 in a small group (or both fitted p near 1, as at 999999999/10^9 vs
 * 10/10) the skewness term swings c back and forth, so that set need not
 * be an interval, nor hold the estimate: we take its hull, with the points
 * where c changes sign (its zeros; the limit of the interval as the level
 * falls to 0).  c is sampled on a grid in u = log phi out from the
 * estimate, steps of 1/64 growing by an eighth to 128 either side (bounds
 * of counts up to 2^53 lie well within that), plus the points either side
 * of where a fitted p reaches 1 (there c can jump within an ulp of phi:
 * at 999999999/10^9 vs 10/10 it does, 10^-17 above the estimate).  A sign
 * change between neighbours is bisected to a zero; the hull's end lies
 * between its outermost accepted point and the next sample out, found by
 * bisection.  The samples do not depend on z, so one set serves every
 * level (the test needs many).
 */
#define SCAS_PTS 136

struct scas {
	double x1, n1, x2, n2;
	int n, nz;                          /* samples, zeros */
	double u[SCAS_PTS], c[SCAS_PTS];    /* samples, ascending in u */
	double uz[SCAS_PTS];                /* zeros, ascending */
};

static double scas_c(const struct scas *s, double u)
{
	return dsp_rr_scas_score(s->x1, s->n1, s->x2, s->n2, exp(u));
}

static void scas_add(struct scas *s, double u)
{
	int i = s->n++;
	for (; i > 0 && s->u[i - 1] > u; i--)
		s->u[i] = s->u[i - 1];
	s->u[i] = u;
}

/* Bisects a sign change of c in (a, b) to adjacent doubles. */
static double scas_zero(const struct scas *s, double a, double ca, double b)
{
	for (;;) {
		double m = a + (b - a) / 2;
		if (m == a || m == b)
			break;
		double cm = scas_c(s, m);
		if (cm == 0)
			return m;
		if ((cm > 0) == (ca > 0)) a = m; else b = m;
	}
	return fabs(scas_c(s, a)) <= fabs(scas_c(s, b)) ? a : b;
}

static void scas_init(struct scas *s, double x1, double n1, double x2, double n2)
{
	s->x1 = x1, s->n1 = n1, s->x2 = x2, s->n2 = n2, s->n = s->nz = 0;
	/* The estimate; with x1 = 0 (x2 = 0) as if it were 1. */
	double u0 = x1 == 0 ? log(n2 / (x2 * n1)) : x2 == 0 ? log((x1 / n1) * n2) :
		log(dsp_rr(x1, n1, x2, n2));
	scas_add(s, u0);
	for (double d = 1.0 / 64, step = d; d < 128; step *= 1.125, d += step) {
		scas_add(s, u0 - d);
		scas_add(s, u0 + d);
	}
	/* p2 = 1 for phi <= (x1 + n2)/N when x2 = n2; p1 = 1 for phi >=
	 * N/(n1 + x2) when x1 = n1. */
	double N = n1 + n2, t = x2 == n2 ? (x1 + n2) / N : x1 == n1 ? N / (n1 + x2) : NAN;
	if (isfinite(t) && fabs(log(t) - u0) < 128) {
		double ut = log(t), e = 1e-15 + 4 * DBL_EPSILON * fabs(ut);
		scas_add(s, ut - e);
		scas_add(s, ut + e);
	}
	for (int i = 0; i < s->n; i++)
		s->c[i] = scas_c(s, s->u[i]);
	for (int i = 0; i < s->n; i++) {
		double z = NAN;
		if (s->c[i] == 0)
			z = s->u[i];
		else if (i + 1 < s->n && s->c[i + 1] != 0 && (s->c[i] > 0) != (s->c[i + 1] > 0) &&
			 !isnan(s->c[i]) && !isnan(s->c[i + 1]))
			z = scas_zero(s, s->u[i], s->c[i], s->u[i + 1]);
		if (!isnan(z))
			s->uz[s->nz++] = z;
	}
}

/*
 * The hull's end on side dir at level z: the outermost accepted sample or
 * zero, refined towards the next sample out.  Accepted to the grid's end:
 * 0 or inf.  Nothing accepted (only with a zero cell, at a low level,
 * where c keeps one sign): the end the estimate lies at.
 */
static double scas_end(const struct scas *s, double z, int dir)
{
	int n = s->n, i, k;
	double in = dir * -INFINITY;
	for (i = 0; i < n; i++)
		if (fabs(s->c[i]) <= z && dir * (s->u[i] - in) > 0)
			in = s->u[i];
	if (s->nz) {
		double e = s->uz[dir < 0 ? 0 : s->nz - 1];
		if (dir * (e - in) > 0)
			in = e;
	}
	if (isinf(in))
		return dir < 0 ? INFINITY : 0;
	for (k = -1, i = 0; i < n; i++)  /* the nearest sample beyond in */
		if (dir * (s->u[i] - in) > 0 && (k < 0 || dir * (s->u[k] - s->u[i]) > 0))
			k = i;
	if (k < 0)
		return dir < 0 ? 0 : INFINITY;
	double out = s->u[k];
	for (;;) {
		double m = in + (out - in) / 2;
		if (m == in || m == out)
			break;
		if (fabs(scas_c(s, m)) <= z) in = m; else out = m;
	}
	return exp(in + (out - in) / 2);
}

static void scas_bounds(const struct scas *s, double z, double *lo, double *hi)
{
	*lo = s->x1 == 0 ? 0 : scas_end(s, z, -1);
	*hi = s->x2 == 0 ? INFINITY : scas_end(s, z, +1);
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
	*lo = 0;
	*hi = INFINITY;
	if (x1 == 0 && x2 == 0)
		return DSP_OK;
	struct scas s;
	scas_init(&s, x1, n1, x2, n2);
	double z = dsp_z(level), e = dsp_rr(x1, n1, x2, n2);
	scas_bounds(&s, z, lo, hi);
	if (x1 > 0 && x2 > 0 && fabs(dsp_rr_scas_score(x1, n1, x2, n2, e)) <= z)
		*lo = fmin(*lo, e), *hi = fmax(*hi, e);  /* within an ulp of e */
	return DSP_OK;
}

/* Whether the SCAS interval at z holds 1. */
static int scas_holds_1(const struct scas *s, double z)
{
	double lo, hi;
	scas_bounds(s, z, &lo, &hi);
	return lo <= 1 && 1 <= hi;
}

int dsp_test_score_scas(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2, 0.5))
		return dsp_ret(out, NAN, DSP_EDOM);
	if ((x1 == 0 && x2 == 0) || (x1 == n1 && x2 == n2))
		return dsp_ret(out, 1, DSP_OK);  /* the interval is (0, inf) or MN's, which holds 1 */
	/* The test the interval inverts: p = 2 Phi(-z*), z* the least z
	 * whose interval holds 1 (the intervals grow with z).  Where c falls
	 * through phi = 1, z* = |c(1)|; where the hull is wider than the
	 * set c accepts, z* is smaller, found by bisection on z. */
	struct scas s;
	scas_init(&s, x1, n1, x2, n2);
	/* The interval's ends are doubles, so near phi = 1 it can only tell z
	 * to within dz, the change in c over 8 ulps of phi either side (at
	 * 10^11/10^11 vs 999999999/10^9, c falls 4e9 per unit of u): if dz
	 * is small and the interval holds 1 above c(1) + dz and not below
	 * c(1) - dz, z* is |c(1)|. */
	double c1 = fabs(dsp_rr_scas_score(x1, n1, x2, n2, 1)), zs, dz = 1e-12 * c1;
	for (int side = -1; side <= 1; side += 2) {
		double phi = 1;
		for (int k = 0; k < 8; k++)
			phi = nextafter(phi, side * INFINITY);
		dz = fmax(dz, fabs(fabs(dsp_rr_scas_score(x1, n1, x2, n2, phi)) - c1));
	}
	if (c1 < 38.5 && dz < 0.05 * c1 && scas_holds_1(&s, c1 + dz) &&
	    !scas_holds_1(&s, c1 - dz)) {
		zs = c1;
	} else {
		double a = 0, b = 38.5;  /* 2 Phi(-38.5) underflows */
		if (!scas_holds_1(&s, b))
			return dsp_ret(out, 0, DSP_OK);
		/* below 1e-17, 2 Phi(-z) rounds to 1 */
		while (b - a > 4 * DBL_EPSILON * b && b > 1e-17) {
			double mid = a + (b - a) / 2;
			if (scas_holds_1(&s, mid)) b = mid; else a = mid;
		}
		zs = b;
	}
	return dsp_ret(out, 2 * gsl_cdf_ugaussian_Q(zs), DSP_OK);
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

int dsp_rr_asinh(double x1, double n1, double x2, double n2, double level,
		 double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	/* Fagerland, Lydersen & Laake (2015): log rr -/+ 2 asinh(z/2 sqrt(1/x1
	 * + 1/x2 - 1/(n1 + 1) - 1/(n2 + 1))), each 1/x - 1/(n + 1) formed as
	 * (n + 1 - x)/(x (n + 1)).  A zero count has no log: its side's bound
	 * is then z^2/n in place of x/n (their zero-cell rule), the other 0 or
	 * inf. */
	double z = dsp_z(level);
	*lo = 0;
	*hi = INFINITY;
	if (x1 == 0 && x2 == 0)
		return DSP_OK;
	if (x1 == 0) {
		*hi = (z * z / n1) / (x2 / n2);
		return DSP_OK;
	}
	if (x2 == 0) {
		*lo = (x1 / n1) / (z * z / n2);
		return DSP_OK;
	}
	double v = ((n1 - x1) + 1) / (x1 * (n1 + 1)) + ((n2 - x2) + 1) / (x2 * (n2 + 1));
	double u = log(dsp_rr(x1, n1, x2, n2)), w = 2 * asinh(z / 2 * sqrt(v));
	*lo = exp(u - w);
	*hi = exp(u + w);
	return DSP_OK;
}

/*
 * One-sided score tests of "greater" (x1/n1 above x2/n2): the upper normal
 * tail of the signed score at ratio 1.  MN: Pearson's X^2 times (N-1)/N,
 * signed as x1 n2 - x2 n1; SCAS: Laud's corrected score c(1), whose sign
 * is that of p1^ - p2^.  A zero margin leaves the one-sided interval
 * [0, inf): p = 1, as for the two-sided tests.
 */
int dsp_test_score_mn_greater(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2, 0.5))
		return dsp_ret(out, NAN, DSP_EDOM);
	if ((x1 == 0 && x2 == 0) || (x1 == n1 && x2 == n2))
		return dsp_ret(out, 1, DSP_OK);
	double d = dsp_cross_diff(x1, n1, x2, n2), N = n1 + n2;
	double x = (d / n1) * (d / n2) * ((N - 1) / (x1 + x2)) / ((n1 - x1) + (n2 - x2));
	return dsp_ret(out, gsl_cdf_ugaussian_Q(d < 0 ? -sqrt(x) : sqrt(x)), DSP_OK);
}

int dsp_test_score_scas_greater(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2, 0.5))
		return dsp_ret(out, NAN, DSP_EDOM);
	if ((x1 == 0 && x2 == 0) || (x1 == n1 && x2 == n2))
		return dsp_ret(out, 1, DSP_OK);
	return dsp_ret(out, gsl_cdf_ugaussian_Q(dsp_rr_scas_score(x1, n1, x2, n2, 1)),
		       DSP_OK);
}
