/*
 * ptrate.c - person-time rates, rate ratios and tests.
 *
 * exact: Garwood F (1936) Fiducial limits for the Poisson distribution.
 *   Biometrika 28:437-442.  midp: the same with mid-p tails (Berry &
 *   Armitage 1995).  byar: Rothman KJ, Boice JD (1979) Epidemiologic
 *   analysis with a programmable calculator (NIH 79-1649); Breslow NE, Day NE
 *   (1987) Statistical Methods in Cancer Research II, p. 69.
 * Rate ratio and tests conditional on the total count: Armitage P, Berry G
 *   (1987); as R's poisson.test.
 *
 * The Poisson tails are summed outward from x on the side where the terms
 * fall, with Loader's saddle-point density, so they keep their relative
 * accuracy at x = 10^9 (GSL's gamma quantile does not converge there).
 */
#include "ptrate.h"
#include "dsp.h"
#include "propci.h"
#include "root.h"
#include "saddle.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>

static int bad_one(double x, double t, double level)
{
	return !(x >= 0 && x <= DSP_COUNT_MAX && x == floor(x) && t > 0 &&
		 isfinite(t) && level > 0 && level < 1);
}

static int bad_two(double x1, double t1, double x2, double t2, double level)
{
	return bad_one(x1, t1, level) || bad_one(x2, t2, level);
}

/* log P(X = k), X ~ Poisson(mu): Loader's form, no lgamma differences. */
static double ldpois(double k, double mu)
{
	if (k == 0)
		return -mu;
	return -dsp_stirlerr(k) - dsp_bd0(k, mu) - 0.5 * log(2 * M_PI * k);
}

/*
 * log P(X >= k) (dir > 0) or log P(X <= k) (dir < 0), summed from k
 * outward with terms scaled to P(X = k) = 1; once the ratio of terms is
 * below 1 the rest is bounded by a geometric series.
 */
static double log_tail(double k, double mu, int dir)
{
	double sum = 1, term = 1;
	for (double j = k; dir > 0 || j > 0; j += dir) {
		double r = dir > 0 ? mu / (j + 1) : j / mu;
		term *= r;
		sum += term;
		if (r < 1 && term < DBL_EPSILON / 8 * sum * (1 - r))
			break;
	}
	return ldpois(k, mu) + log(sum);
}

struct tail_args {
	double x, target;  /* log of the tail probability sought */
	int dir, mid;      /* mid: subtract half of P(X = x) */
};

/* log(tail at mu) - log(target), increasing in mu for the upper tail and
 * decreasing for the lower one; u = log(mu). */
static double tail_minus(double u, void *vp)
{
	const struct tail_args *a = vp;
	double mu = exp(u), l = log_tail(a->x, mu, a->dir);
	if (a->mid)  /* tail - P(x)/2 = tail (1 - P(x) / (2 tail)) */
		l += log1p(-exp(ldpois(a->x, mu) - l) / 2);
	return l - a->target;
}

/* The mu at which the tail equals exp(target): bracket by doubling steps
 * in log(mu) from mu = max(x, 1), then Brent. */
static double solve(struct tail_args *a)
{
	/* Steps start near a standard deviation of log(mu), so that the
	 * bracket stays tight (and the tails short) at large x. */
	double in = log(fmax(a->x, 1)), step = fmin(0.5, 2 / sqrt(a->x + 1));
	/* f rises with u for the upper tail; for the lower, negate by
	 * walking the other way. */
	int up = a->dir > 0;
	double f = tail_minus(in, a);
	int sgn = (f > 0) == up ? -1 : +1;  /* direction towards the root */
	double out = in;
	for (;;) {
		out = in + sgn * step;
		double g = tail_minus(out, a);
		if ((g > 0) != (f > 0))
			break;
		in = out, f = g;
		if ((step *= 2) > 1024)
			return NAN;
	}
	double lo = fmin(in, out), hi = fmax(in, out);
	return exp(dsp_root(tail_minus, a, lo, hi, 0, 4 * DBL_EPSILON));
}

static int tail_interval(double x, double t, double level, int mid,
			 double *lo, double *hi)
{
	double target = log((1 - level) / 2);
	struct tail_args l = {x, target, +1, mid}, u = {x, target, -1, mid};
	*lo = x == 0 ? 0 : solve(&l) / t;
	*hi = solve(&u) / t;
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

int dsp_pt_ci_exact(double x, double t, double level, double *lo, double *hi)
{
	if (bad_one(x, t, level))
		return DSP_EDOM;
	/* lo: P(X >= x | mu) = alpha/2; hi: P(X <= x | mu) = alpha/2. */
	return tail_interval(x, t, level, 0, lo, hi);
}

int dsp_pt_ci_midp(double x, double t, double level, double *lo, double *hi)
{
	if (bad_one(x, t, level))
		return DSP_EDOM;
	/* lo: P(X > x) + P(x)/2 = alpha/2; hi: P(X < x) + P(x)/2 = alpha/2;
	 * at x = 0 the upper bound solves exp(-mu)/2 = alpha/2 directly. */
	if (x == 0) {
		*lo = 0;
		*hi = -log(1 - level) / t;
		return DSP_OK;
	}
	return tail_interval(x, t, level, 1, lo, hi);
}

int dsp_pt_ci_byar(double x, double t, double level, double *lo, double *hi)
{
	if (bad_one(x, t, level))
		return DSP_EDOM;
	/* x (1 - 1/(9x) - z/(3 sqrt x))^3 and (x+1) (1 - 1/(9(x+1)) + z/(3
	 * sqrt(x+1)))^3, per unit of exposure; a negative base gives 0. */
	double z = dsp_z(level), y = x + 1;
	double b = 1 - 1 / (9 * x) - z / (3 * sqrt(x));
	double c = 1 - 1 / (9 * y) + z / (3 * sqrt(y));
	*lo = x == 0 || b <= 0 ? 0 : x * b * b * b / t;
	*hi = y * c * c * c / t;
	return DSP_OK;
}

int dsp_pt_ci_wald(double x, double t, double level, double *lo, double *hi)
{
	if (bad_one(x, t, level))
		return DSP_EDOM;
	double w = dsp_z(level) * sqrt(x);
	*lo = fmax((x - w) / t, 0);
	*hi = (x + w) / t;
	return DSP_OK;
}

/*
 * Given m = x1 + x2, x1 ~ Binomial(m, pi) with pi = theta t1 / (theta t1 +
 * t2), so theta = pi / (1 - pi) * t2 / t1.  The proportion interval is
 * symmetric, 1 - hi(x1) = lo(x2), so each odds is formed from two bounds
 * that are both accurate: theta_lo = lo(x1) / hi(x2), theta_hi = hi(x1) /
 * lo(x2) (times t2/t1); x1 = 0 gives 0, x2 = 0 gives inf.
 */
static int conditional(int (*ci)(double, double, double, double *, double *),
		       double x1, double t1, double x2, double t2, double level,
		       double *lo, double *hi)
{
	double m = x1 + x2, l1, h1, l2, h2;
	*lo = 0;
	*hi = INFINITY;
	if (m == 0)
		return DSP_OK;
	int rc = ci(x1, m, level, &l1, &h1);
	if (rc == DSP_OK)
		rc = ci(x2, m, level, &l2, &h2);
	if (rc != DSP_OK)
		return rc;
	double k = t2 / t1;
	*lo = x1 == 0 ? 0 : l1 / h2 * k;
	*hi = x2 == 0 ? INFINITY : h1 / l2 * k;
	return DSP_OK;
}

int dsp_pt_rr_exact(double x1, double t1, double x2, double t2, double level,
		    double *lo, double *hi)
{
	if (bad_two(x1, t1, x2, t2, level) || x1 + x2 > DSP_COUNT_MAX)
		return DSP_EDOM;
	return conditional(dsp_ci_exact, x1, t1, x2, t2, level, lo, hi);
}

int dsp_pt_rr_midp(double x1, double t1, double x2, double t2, double level,
		   double *lo, double *hi)
{
	if (bad_two(x1, t1, x2, t2, level) || x1 + x2 > DSP_COUNT_MAX)
		return DSP_EDOM;
	return conditional(dsp_ci_midp, x1, t1, x2, t2, level, lo, hi);
}

int dsp_pt_rr_wald(double x1, double t1, double x2, double t2, double level,
		   double *lo, double *hi)
{
	if (bad_two(x1, t1, x2, t2, level))
		return DSP_EDOM;
	*lo = 0;
	*hi = INFINITY;
	if (x1 == 0 || x2 == 0)
		return DSP_OK;  /* log ratio without a finite variance */
	double u = log((x1 / t1) / (x2 / t2));
	double w = dsp_z(level) * sqrt(1 / x1 + 1 / x2);
	*lo = exp(u - w);
	*hi = exp(u + w);
	return DSP_OK;
}

/* The conditional binomial: X ~ Binomial(m, p), q = 1 - p kept apart. */
struct binom {
	double m, p, q;
};

static double ld(const struct binom *b, double k)
{
	return dsp_ldbinom(k, b->m, b->p, b->q);
}

/* log P(X <= k) (dir < 0) or log P(X >= k) (dir > 0), summed outward. */
static double log_btail(const struct binom *b, double k, int dir)
{
	double sum = 1, term = 1;
	for (double j = k; dir > 0 ? j < b->m : j > 0; j += dir) {
		double r = dir > 0 ? (b->m - j) / (j + 1) * (b->p / b->q) :
				     j / (b->m - j + 1) * (b->q / b->p);
		term *= r;
		sum += term;
		if (r < 1 && term < DBL_EPSILON / 8 * sum * (1 - r))
			break;
	}
	return ld(b, k) + log(sum);
}

static struct binom conditional_binom(double x1, double t1, double x2, double t2)
{
	struct binom b = {x1 + x2, t1 / (t1 + t2), t2 / (t1 + t2)};
	return b;
}

/* The conditional binomial of a test; 0 when the test goes on, else 1
 * with *p set: NaN for invalid arguments, 1 with no events at all. */
static int test_setup(double x1, double t1, double x2, double t2,
		      struct binom *b, double *p, int *rc)
{
	*p = NAN;
	*rc = bad_two(x1, t1, x2, t2, 0.5) ? DSP_EDOM :
	      x1 + x2 > DSP_COUNT_MAX ? DSP_ERANGE : DSP_OK;
	if (*rc)
		return 1;
	*b = conditional_binom(x1, t1, x2, t2);
	*p = 1;
	return b->m == 0;
}

int dsp_pt_test_exact(double x1, double t1, double x2, double t2, double *out)
{
	struct binom b;
	double p;
	int rc;
	if (test_setup(x1, t1, x2, t2, &b, &p, &rc))
		return dsp_ret(out, p, rc);
	double mean = b.m * b.p;
	if (x1 == mean)
		return dsp_ret(out, 1, DSP_OK);
	/* As R's binom.test: the observed tail, plus the tables on the other
	 * side of the mean whose probability is at most the observed one's
	 * times 1 + 1e-7.  Past the mean the density falls monotonically,
	 * so those form a tail found by bisection. */
	double cut = ld(&b, x1) + log1p(1e-7);
	if (x1 < mean) {
		double a = ceil(mean) - 1, c = b.m + 1;   /* ld(a) > cut >= ld(c) */
		if (ld(&b, ceil(mean)) <= cut)
			c = ceil(mean);
		else
			for (a = ceil(mean); c - a > 1;) {
				double h = floor(a + (c - a) / 2);
				if (ld(&b, h) <= cut) c = h; else a = h;
			}
		p = exp(log_btail(&b, x1, -1)) +
		    (c <= b.m ? exp(log_btail(&b, c, +1)) : 0);
	} else {
		double a = -1, c = floor(mean) + 1;       /* ld(a) <= cut < ld(c) */
		if (ld(&b, floor(mean)) <= cut)
			a = floor(mean);
		else
			for (c = floor(mean); c - a > 1;) {
				double h = floor(a + (c - a) / 2);
				if (ld(&b, h) <= cut) a = h; else c = h;
			}
		p = exp(log_btail(&b, x1, +1)) +
		    (a >= 0 ? exp(log_btail(&b, a, -1)) : 0);
	}
	return dsp_ret(out, p > 1 ? 1 : p, DSP_OK);
}

int dsp_pt_test_midp(double x1, double t1, double x2, double t2, double *out)
{
	struct binom b;
	double p;
	int rc;
	if (test_setup(x1, t1, x2, t2, &b, &p, &rc))
		return dsp_ret(out, p, rc);
	/* The tail on the side of x1 away from the mean, minus half of
	 * P(x1), kept as it is (see dsp_test_fisher_midp). */
	double half = exp(ld(&b, x1)) / 2;
	double t = exp(log_btail(&b, x1, x1 <= b.m * b.p ? -1 : +1)) - half;
	p = 2 * fmin(t, 1 - t);
	return dsp_ret(out, p > 1 ? 1 : p, DSP_OK);
}

int dsp_pt_test_score(double x1, double t1, double x2, double t2, double *out)
{
	struct binom b;
	double p;
	int rc;
	if (test_setup(x1, t1, x2, t2, &b, &p, &rc))
		return dsp_ret(out, p, rc);
	/* x1 - m p0 = (x1 t2 - x2 t1) / (t1 + t2), formed with one fma. */
	double d = fma(x1, t2, -x2 * t1) / (t1 + t2);
	return dsp_ret(out, gsl_cdf_chisq_Q(d / b.m * d / (b.p * b.q), 1), DSP_OK);
}
