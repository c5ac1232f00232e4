/*
 * invert.c - exact intervals by inverting the minimum-likelihood and
 * Blaker two-sided tests (invert.h).
 *
 * Blaker H (2000) Confidence curves and improved exact confidence
 * intervals for discrete distributions. Can J Stat 28:783-798; the
 * p-values as Fay MP (2010) Two-sided exact tests and matching confidence
 * intervals for discrete data. R Journal 2:53-58 (R's exactci), with its
 * relative tolerance 1 + 1e-7.
 *
 * Each end of the interval is found on its own side of a centre where the
 * p-value is 1 (minlike: where x is a most probable outcome; Blaker:
 * where the two tails at x are equal), in a variable u that grows towards
 * the centre: logit(p) or log(mu) for the lower end, -log(mu) for the
 * Poisson's upper end (a binomial's upper end is the lower end of n - x
 * events, mirrored).  On that side the p-value is
 *   p(u) = T(u) + S_J(u)(u),
 * T the observed tail (P(X >= x) on the lower side), rising in u, and S_j
 * the opposite tail cut at j (P(X <= j)), falling in u and rising in j,
 * where J(u) is the last j the test counts as extreme: minlike, the last
 * with P(X = j) <= P(X = x) (1 + 1e-7); Blaker, the last with S_j <= T
 * (1 + 1e-7).  J(u) never falls as u grows.  Two facts make the search
 * exact:
 *  - over [a, b], p <= T(b) + S_J(b)(a): a bound from two evaluations;
 *  - where J is constant, p is quasi-convex in u (its derivative in the
 *    parameter is a difference of two pmf values whose ratio is monotone),
 *    so it crosses 1 - level at most once upward.
 * The end is the least accepted u: the stretch from a point beyond which
 * everything is rejected to the centre is split, nearer half first,
 * stretches whose bound is at most alpha dropped, until a stretch has one
 * J, where the crossing is bisected to adjacent doubles.
 */
#include "invert.h"
#include "betainc.h"
#include "dsp.h"
#include "gammainc.h"
#include "propci.h"
#include "root.h"
#include "saddle.h"

#include <float.h>
#include <math.h>

#define LOG_TIE 9.9999995e-8  /* log(1 + 1e-7) */

enum { BINOM, POIS_LO, POIS_HI };

struct side {
	int law, blaker;
	double x, n;    /* x of n (BINOM), or x (Poisson) */
	double alpha;
};

/* The parameter at u: theta and 1 - theta from logit u, or mu. */
static void at(const struct side *s, double u, double *p, double *q)
{
	if (s->law == BINOM) {
		*p = 1 / (1 + exp(-u));
		*q = 1 / (1 + exp(u));
	} else {
		*p = exp(s->law == POIS_LO ? u : -u);
		*q = NAN;
	}
}

/* log I_p(a, b) (lower), with q = 1 - p and the deviation formed from the
 * smaller of the two. */
static double lbeta_lower(double a, double b, double p, double q)
{
	double m = a + b - 1;
	double d = p <= q ? fma(m, p, -a) : -fma(m, q, -(b - 1));
	return dsp_beta_logtail(a, b, p, q, d, 0);
}

/* log T(u), the observed tail. */
static double lobs(const struct side *s, double u)
{
	double p, q;
	at(s, u, &p, &q);
	if (s->law == BINOM)  /* P(X >= x) = I_p(x, n - x + 1) */
		return lbeta_lower(s->x, s->n - s->x + 1, p, q);
	return dsp_pois_logtail(s->x, p, s->law == POIS_LO);
}

/* log S_j(u): P(X <= j) on the lower sides; P(X >= -j) on POIS_HI. */
static double lopp(const struct side *s, double j, double u)
{
	double p, q;
	at(s, u, &p, &q);
	if (s->law == BINOM)  /* P(X <= j) = I_q(n - j, j + 1) */
		return lbeta_lower(s->n - j, j + 1, q, p);
	if (s->law == POIS_LO)
		return dsp_pois_logtail(j, p, 0);
	return dsp_pois_logtail(-j, p, 1);
}

/* log P(X = k) at u. */
static double lpmf(const struct side *s, double k, double u)
{
	double p, q;
	at(s, u, &p, &q);
	return s->law == BINOM ? dsp_ldbinom(k, s->n, p, q) : dsp_ldpois(k, p);
}

/* Whether table j is counted as extreme at u (given the observed log
 * tail lt and log pmf lf). */
static int counted(const struct side *s, double j, double u, double lt, double lf)
{
	if (s->blaker)
		return lopp(s, j, u) <= lt + LOG_TIE;
	return lpmf(s, s->law == POIS_HI ? -j : j, u) <= lf + LOG_TIE;
}

/* J(u), or -1 on the lower sides when no table is counted.  Lower sides:
 * j in [0, x - 1] (minlike: below the mode as well, where the pmf rises),
 * counted ones a prefix.  POIS_HI: -k for the least k > x counted (one
 * always is), found by doubling and bisection. */
static double cut(const struct side *s, double u)
{
	double lt = lobs(s, u), lf = lpmf(s, s->x, u), p, q;
	at(s, u, &p, &q);
	if (s->law != POIS_HI) {
		double top = s->x - 1;
		if (!s->blaker) {
			double mode = s->law == BINOM ? floor((s->n + 1) * p) : floor(p);
			top = fmin(top, mode);
		}
		if (top < 0 || !counted(s, 0, u, lt, lf))
			return -1;
		double lo = 0, hi = top + 1;  /* counted(lo), not counted(hi) */
		if (counted(s, top, u, lt, lf))
			return top;
		while (hi - lo > 1) {
			double m = floor(lo + (hi - lo) / 2);
			if (counted(s, m, u, lt, lf)) lo = m; else hi = m;
		}
		return lo;
	}
	double k0 = s->x + 1;
	if (!s->blaker)
		k0 = fmax(k0, floor(p) + 1);  /* the pmf falls from there */
	if (counted(s, -k0, u, lt, lf))
		return -k0;
	double in = k0, step = 1 + ceil(sqrt(p)), out = k0 + step;  /* not counted(in) */
	while (!counted(s, -out, u, lt, lf)) {
		in = out, step *= 2, out = in + step;
		if (out > 1e300)
			return -INFINITY;
	}
	while (out - in > 1) {
		double m = floor(in + (out - in) / 2);
		if (counted(s, -m, u, lt, lf)) out = m; else in = m;
	}
	return -out;
}

/* Whether J = j counts no table (lower sides only: on POIS_HI, -1 is k = 1). */
static int none(const struct side *s, double j)
{
	return j == -1 && s->law != POIS_HI;
}

static double pvalue(const struct side *s, double u, double j)
{
	double v = exp(lobs(s, u)) + (none(s, j) ? 0 : exp(lopp(s, j, u)));
	return v > 1 ? 1 : v;
}

/* The least accepted u in [a, b] (J = ja, jb there), or NaN: branch and
 * bound, as at the top. */
static double first(const struct side *s, double a, double b, double ja, double jb)
{
	double bound = exp(lobs(s, b)) + (none(s, jb) ? 0 : exp(lopp(s, jb, a)));
	if (!(bound > s->alpha))
		return NAN;
	if (ja == jb) {
		if (pvalue(s, a, ja) > s->alpha)
			return a;
		if (!(pvalue(s, b, ja) > s->alpha))
			return NAN;
		for (;;) {  /* the one upward crossing */
			double m = a + (b - a) / 2;
			if (m == a || m == b)
				return b;
			if (pvalue(s, m, ja) > s->alpha) b = m; else a = m;
		}
	}
	double m = a + (b - a) / 2;
	if (m == a || m == b)
		return pvalue(s, b, jb) > s->alpha ? b : NAN;
	double jm = cut(s, m), r = first(s, a, m, ja, jm);
	return isnan(r) ? first(s, m, b, jm, jb) : r;
}

/* The root in u of g(u) = log T(u) - target, T rising in u, below u0. */
struct tail_root {
	const struct side *s;
	double target;
};

static double tail_minus(double u, void *vp)
{
	const struct tail_root *r = vp;
	return fmax(lobs(r->s, u) - r->target, -DBL_MAX);
}

static double root_below(const struct side *s, double target, double u0)
{
	struct tail_root r = {s, target};
	double in = u0, step = 1, out;
	if (!(tail_minus(in, &r) > 0))
		return in;
	for (;;) {
		out = in - step;
		if (!(tail_minus(out, &r) > 0))
			break;
		in = out, step *= 2;
		if (step > 1e4)
			return NAN;
	}
	return dsp_root(tail_minus, &r, out, in, 0, 4 * DBL_EPSILON);
}

/* The centre: minlike, where x is a mode; Blaker, where the two tails at
 * x are equal (log P(X >= x) - log P(X <= x) = 0, rising in u). */
struct centre { const struct side *s; };

static double tails_diff(double u, void *vp)
{
	const struct side *s = ((const struct centre *)vp)->s;
	double p, q, l;
	at(s, u, &p, &q);
	if (s->law == BINOM)
		l = lbeta_lower(s->n - s->x, s->x + 1, q, p);
	else
		l = dsp_pois_logtail(s->x, p, s->law != POIS_LO);
	return lobs(s, u) - l;
}

static double centre(const struct side *s)
{
	double u0 = s->law == BINOM ? (s->x == s->n ? log(s->n) : log(s->x / (s->n - s->x))) :
		    s->law == POIS_LO ? log(s->x) : -log(s->x + 1);
	if (!s->blaker)
		return u0;
	/* With all events (no events, POIS_HI) the tails never balance: p = 1
	 * where the observed tail is 3/4 (then every other table counts). */
	if (s->law == BINOM && s->x == s->n) {
		double l = log(0.75) / s->n;
		return l - log(-expm1(l));
	}
	if (s->law == POIS_HI && s->x == 0)
		return -log(0.5);
	struct centre c = {s};
	double a = u0, fa = tails_diff(a, &c), step = 0.5;
	int dir = fa > 0 ? -1 : 1;
	for (int i = 0; i < 200; i++, step *= 2) {
		double b = a + dir * step, fb = tails_diff(b, &c);
		if ((fb > 0) != (fa > 0) || fb == 0)
			return dsp_root(tails_diff, &c, fmin(a, b), fmax(a, b), 0, 4 * DBL_EPSILON);
		a = b, fa = fb;
	}
	return NAN;
}

/* The least accepted u, or NaN. */
static double end(const struct side *s)
{
	double uc = centre(s), out;
	if (isnan(uc))
		return NAN;
	if (s->blaker) {
		/* p <= (2 + 1e-7) T on this side: below T = alpha/(2 + 1e-7),
		 * everything is rejected. */
		out = root_below(s, log(s->alpha) - log(2 + 1e-7), uc);
	} else if (s->law != POIS_HI) {
		/* Below the u where table 0 is first counted, p = T; and T <
		 * alpha below its root. */
		double lf0 = s->law == BINOM ?
			-(LOG_TIE + lgamma(s->n + 1) - lgamma(s->x + 1) - lgamma(s->n - s->x + 1)) / s->x :
			(lgamma(s->x + 1) - LOG_TIE) / s->x;
		out = fmin(root_below(s, log(s->alpha), uc), lf0);
	} else {
		/* Beyond the mode the pmf falls by mu/(k + 1) a step, so S_J <=
		 * P(X = k) (k + 1)/(k + 1 - mu) <= (1 + 1e-7) T (k + 1)/(k + 1 -
		 * mu), k = -J: stepped out until that bound is below alpha. */
		out = uc;
		for (double step = 0.5;; step *= 2) {
			out = uc - step;
			double mu = exp(-out), k = -cut(s, out);
			double b = exp(lobs(s, out)) * (1 + (1 + 1e-7) * (k + 1) / (k + 1 - mu));
			if (b < s->alpha)
				break;
			if (step > 1e3)
				return NAN;
		}
	}
	if (isnan(out))
		return NAN;
	out -= 1e-9 * fmax(1, fabs(out));  /* past the root's tolerance */
	double r = first(s, out, uc, cut(s, out), cut(s, uc));
	return isnan(r) ? uc : r;
}

static int bad_level(double level)
{
	return !(level > 0 && level < 1);
}

/* The logit of the lower end for x of n (-inf at x = 0). */
static double binom_lower(double x, double n, int blaker, double alpha)
{
	if (x == 0)
		return -INFINITY;
	struct side s = {BINOM, blaker, x, n, alpha};
	return end(&s);
}

int dsp_ci_blaker(double x, double n, double level, double *lo, double *hi)
{
	if (!(n >= 1 && n <= DSP_COUNT_MAX && x >= 0 && x <= n && x == floor(x) &&
	      n == floor(n)) || bad_level(level))
		return DSP_EDOM;
	if (n > DSP_INVERT_MAX)
		return DSP_ERANGE;
	double a = binom_lower(x, n, 1, 1 - level), b = binom_lower(n - x, n, 1, 1 - level);
	*lo = x == 0 ? 0 : 1 / (1 + exp(-a));
	*hi = x == n ? 1 : 1 / (1 + exp(b));
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

static int pt_ci(double x, double t, double level, int blaker, double *lo, double *hi)
{
	if (!(x >= 0 && x <= DSP_COUNT_MAX && x == floor(x) && t > 0 && isfinite(t)) ||
	    bad_level(level))
		return DSP_EDOM;
	if (x > DSP_INVERT_MAX)
		return DSP_ERANGE;
	struct side l = {POIS_LO, blaker, x, 0, 1 - level}, h = l;
	h.law = POIS_HI;
	*lo = x == 0 ? 0 : exp(end(&l)) / t;
	*hi = exp(-end(&h)) / t;
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

int dsp_pt_ci_minlike(double x, double t, double level, double *lo, double *hi)
{
	return pt_ci(x, t, level, 0, lo, hi);
}

int dsp_pt_ci_blaker(double x, double t, double level, double *lo, double *hi)
{
	return pt_ci(x, t, level, 1, lo, hi);
}

/* e^u t2 / t1 without overflow on the way. */
static double odds_times(double u, double t2, double t1)
{
	return exp(u + (log(t2) - log(t1)));
}

static int pt_rr(double x1, double t1, double x2, double t2, double level, int blaker,
		 double *lo, double *hi)
{
	if (!(x1 >= 0 && x2 >= 0 && x1 <= DSP_COUNT_MAX && x2 <= DSP_COUNT_MAX &&
	      x1 == floor(x1) && x2 == floor(x2) && t1 > 0 &&
	      t2 > 0 && isfinite(t1) && isfinite(t2)) || bad_level(level))
		return DSP_EDOM;
	if (x1 + x2 > DSP_INVERT_MAX)
		return DSP_ERANGE;
	*lo = 0;
	*hi = INFINITY;
	if (x1 + x2 == 0)
		return DSP_OK;
	double m = x1 + x2, a = binom_lower(x1, m, blaker, 1 - level);
	double b = binom_lower(x2, m, blaker, 1 - level);
	/* pi/(1 - pi) = e^u at the lower end; e^-u' at the upper (n - x). */
	*lo = x1 == 0 ? 0 : odds_times(a, t2, t1);
	*hi = x2 == 0 ? INFINITY : odds_times(-b, t2, t1);
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

int dsp_pt_rr_minlike(double x1, double t1, double x2, double t2, double level,
		      double *lo, double *hi)
{
	return pt_rr(x1, t1, x2, t2, level, 0, lo, hi);
}

int dsp_pt_rr_blaker(double x1, double t1, double x2, double t2, double level,
		     double *lo, double *hi)
{
	return pt_rr(x1, t1, x2, t2, level, 1, lo, hi);
}
