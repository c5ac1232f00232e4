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
 * The Poisson tails are gammainc.c's and the binomial ones betainc.c's,
 * which keep their relative accuracy and their speed up to counts of 2^53
 * (GSL's gamma quantile does not converge at x = 10^9).
 */
#include "ptrate.h"
#include "betainc.h"
#include "dsp.h"
#include "gammainc.h"
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

struct tail_args {
	double x, target;  /* log of the tail probability sought */
	int upper, mid;    /* mid: subtract half of P(X = x) */
};

/* log(tail at mu) - log(target), increasing in mu for the upper tail
 * P(X >= x) and decreasing for the lower one. */
static double tail_minus(double mu, void *vp)
{
	const struct tail_args *a = vp;
	double l = dsp_pois_logtail(a->x, mu, a->upper);
	if (a->mid)  /* tail - P(x)/2 = tail (1 - P(x) / (2 tail)) */
		l += log1p(-exp(dsp_ldpois(a->x, mu) - l) / 2);
	return l - a->target;
}

/* The mu at which the tail equals exp(target), bracketed from mu = max(x,
 * 1) in steps of log(mu) that start near its standard deviation (so that
 * the bracket stays tight at large x). */
static double solve(struct tail_args *a)
{
	return dsp_root_positive(tail_minus, a, fmax(a->x, 1),
				 fmin(0.5, 2 / sqrt(a->x + 1)), a->upper);
}

static int tail_interval(double x, double t, double level, int mid,
			 double *lo, double *hi)
{
	struct tail_args a;
	a.x = x, a.target = log((1 - level) / 2), a.mid = mid;
	a.upper = 1;
	*lo = x == 0 ? 0 : solve(&a) / t;
	a.upper = 0;
	*hi = solve(&a) / t;
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
 * lo(x2) (times t2/t1); x1 = 0 gives 0, x2 = 0 gives inf.  The intervals
 * take x1 and x2 apart, so m may exceed 2^53.
 */
/* a t2 / t1 without an intermediate overflow or underflow (exposures span
 * the doubles: t2/t1 alone overflows at 1e300 / 1e-10). */
static double times_ratio(double a, double t2, double t1)
{
	int e = ilogb(t2) - ilogb(t1);
	return ldexp(a * (ldexp(t2, -ilogb(t2)) / ldexp(t1, -ilogb(t1))), e);
}

static int conditional(int (*ci)(double, double, double, double *, double *),
		       double x1, double t1, double x2, double t2, double level,
		       double *lo, double *hi)
{
	double l1, h1, l2, h2;
	*lo = 0;
	*hi = INFINITY;
	if (bad_two(x1, t1, x2, t2, level))
		return DSP_EDOM;
	if (x1 + x2 == 0)
		return DSP_OK;
	int rc = ci(x1, x2, level, &l1, &h1);
	if (rc == DSP_OK)
		rc = ci(x2, x1, level, &l2, &h2);
	if (rc != DSP_OK)
		return rc;
	*lo = x1 == 0 ? 0 : times_ratio(l1 / h2, t2, t1);
	*hi = x2 == 0 ? INFINITY : times_ratio(h1 / l2, t2, t1);
	return DSP_OK;
}

int dsp_pt_rr_exact(double x1, double t1, double x2, double t2, double level,
		    double *lo, double *hi)
{
	return conditional(dsp_ci_exact_split, x1, t1, x2, t2, level, lo, hi);
}

int dsp_pt_rr_midp(double x1, double t1, double x2, double t2, double level,
		   double *lo, double *hi)
{
	return conditional(dsp_ci_midp_split, x1, t1, x2, t2, level, lo, hi);
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
	/* log of the ratio with the exposures' exponents apart, as x/t
	 * under- or overflows at the ends of their range. */
	double u = log(x1 / x2 * (ldexp(t2, -ilogb(t2)) / ldexp(t1, -ilogb(t1)))) +
		   (ilogb(t2) - ilogb(t1)) * M_LN2;
	double w = dsp_z(level) * sqrt(1 / x1 + 1 / x2);
	*lo = exp(u - w);
	*hi = exp(u + w);
	return DSP_OK;
}

/*
 * The conditional binomial, X ~ Binomial(m, p), p = t1/(t1 + t2), held as
 * the observed x1 and x2 (m = x1 + x2 need not be a double) and d = m p -
 * x1 = (x2 t1 - x1 t2)/(t1 + t2), whose numerator is formed exactly
 * (Kahan's difference of products): at m = 2^53 rounding p alone would
 * move the tails by 1e-7.  Counts k = x1 + j are passed as the offset j.
 */
struct binom {
	double x1, x2, p, q, d;
};

static struct binom conditional_binom(double x1, double t1, double x2, double t2)
{
	/* Both exposures scaled by one power of 2 (exact), so that the
	 * products below cannot overflow whatever their range. */
	int e = ilogb(fmax(t1, t2));
	t1 = ldexp(t1, -e), t2 = ldexp(t2, -e);
	double s = t1 + t2, w = x1 * t2, err = fma(-x1, t2, w);  /* w - x1 t2 */
	struct binom b = {x1, x2, t1 / s, t2 / s, (fma(x2, t1, -w) + err) / s};
	return b;
}

/* log P(X = x1 + j). */
static double ld(const struct binom *b, double j)
{
	return dsp_ldbinom_dev(b->x1 + j, b->x2 - j, b->p, b->q, b->d - j);
}

/* log P(X <= x1 + j) = log I_q(x2 - j, x1 + j + 1), and log P(X >= x1 + j)
 * = log I_p(x1 + j, x2 - j + 1); the beta's deviations are j - d, d - j. */
static double log_lower(const struct binom *b, double j)
{
	if (b->x2 - j == 0)
		return 0;
	return dsp_beta_logtail(b->x2 - j, b->x1 + j + 1, b->q, b->p, j - b->d, 0);
}

static double log_upper(const struct binom *b, double j)
{
	if (b->x1 + j == 0)
		return 0;
	return dsp_beta_logtail(b->x1 + j, b->x2 - j + 1, b->p, b->q, b->d - j, 0);
}

/* The conditional binomial of a test, with the groups swapped if need be
 * so that x1 is at or below its mean (the tests are symmetric); 0 when the
 * test goes on, else 1 with *p set: NaN for invalid arguments, 1 with no
 * events at all. */
static int test_setup(double x1, double t1, double x2, double t2,
		      struct binom *b, double *p, int *rc)
{
	*p = NAN;
	*rc = bad_two(x1, t1, x2, t2, 0.5) ? DSP_EDOM : DSP_OK;
	if (*rc)
		return 1;
	*b = conditional_binom(x1, t1, x2, t2);
	if (b->d < 0)
		*b = conditional_binom(x2, t2, x1, t1);
	*p = 1;
	return x1 + x2 == 0;
}

int dsp_pt_test_exact(double x1, double t1, double x2, double t2, double *out)
{
	struct binom b;
	double p;
	int rc;
	if (test_setup(x1, t1, x2, t2, &b, &p, &rc))
		return dsp_ret(out, p, rc);
	if (b.d == 0)
		return dsp_ret(out, 1, DSP_OK);
	/* As R's binom.test: the observed (lower) tail, plus the tables
	 * beyond the mean whose probability is at most the observed one's
	 * times 1 + 1e-7.  Past the mean the density falls monotonically,
	 * so those form a tail, from the offset c found by bisection. */
	double cut = ld(&b, 0) + log1p(1e-7), a = ceil(b.d), c = b.x2;
	p = exp(log_lower(&b, 0));
	if (a > b.x2 || ld(&b, c) > cut)
		return dsp_ret(out, p > 1 ? 1 : p, DSP_OK);  /* none */
	if (ld(&b, a) <= cut)
		c = a;
	else  /* ld(a) > cut >= ld(c) */
		while (c - a > 1) {
			double h = floor(a + (c - a) / 2);
			if (ld(&b, h) <= cut) c = h; else a = h;
		}
	p += exp(log_upper(&b, c));
	return dsp_ret(out, p > 1 ? 1 : p, DSP_OK);
}

int dsp_pt_test_midp(double x1, double t1, double x2, double t2, double *out)
{
	struct binom b;
	double p;
	int rc;
	if (test_setup(x1, t1, x2, t2, &b, &p, &rc))
		return dsp_ret(out, p, rc);
	/* The lower tail (x1 is at or below the mean), minus half of P(x1),
	 * kept as it is (see dsp_test_fisher_midp). */
	double t = exp(log_lower(&b, 0)) - exp(ld(&b, 0)) / 2;
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
	/* (x1 - m p0)^2 / (m p0 q0), with d = m p0 - x1 formed exactly.  An
	 * exposure share below DBL_TRUE_MIN makes the statistic 0 or inf
	 * (to double precision) as that group has no events or some. */
	if (b.p == 0 || b.q == 0)
		return dsp_ret(out, (b.p == 0 ? b.x1 : b.x2) == 0, DSP_OK);
	double m = b.x1 + b.x2, pq = b.p * b.q;
	double chi2 = pq >= DBL_MIN ? b.d / m * b.d / pq : b.d / m * (b.d / b.p / b.q);
	return dsp_ret(out, chi2 < DBL_MAX ? gsl_cdf_chisq_Q(chi2, 1) : 0, DSP_OK);
}

/*
 * One-sided tests of "greater" (x1/t1 above x2/t2), on the conditional
 * binomial unswapped: exact P(X >= x1), as R's poisson.test(alternative =
 * "greater"); midp P(X > x1) + P(x1)/2; score the upper normal tail of
 * (x1 - m p0) / sqrt(m p0 q0).  p = 1 when m = 0.
 */
static int greater_setup(double x1, double t1, double x2, double t2,
			 struct binom *b, double *p, int *rc)
{
	*p = NAN;
	*rc = bad_two(x1, t1, x2, t2, 0.5) ? DSP_EDOM : DSP_OK;
	if (*rc)
		return 1;
	*b = conditional_binom(x1, t1, x2, t2);
	*p = 1;
	return x1 + x2 == 0;
}

int dsp_pt_test_exact_greater(double x1, double t1, double x2, double t2, double *out)
{
	struct binom b;
	double p;
	int rc;
	if (greater_setup(x1, t1, x2, t2, &b, &p, &rc))
		return dsp_ret(out, p, rc);
	p = exp(log_upper(&b, 0));
	return dsp_ret(out, p > 1 ? 1 : p, DSP_OK);
}

int dsp_pt_test_midp_greater(double x1, double t1, double x2, double t2, double *out)
{
	struct binom b;
	double p;
	int rc;
	if (greater_setup(x1, t1, x2, t2, &b, &p, &rc))
		return dsp_ret(out, p, rc);
	/* Above the mean from the upper tail, else as 1 - the lower one's
	 * mid-p (see dsp_test_fisher_midp_greater). */
	double half = exp(ld(&b, 0)) / 2;
	p = b.d < 0 ? exp(log_upper(&b, 0)) - half : 1 - (exp(log_lower(&b, 0)) - half);
	return dsp_ret(out, p < 0 ? 0 : p > 1 ? 1 : p, DSP_OK);
}

int dsp_pt_test_score_greater(double x1, double t1, double x2, double t2, double *out)
{
	struct binom b;
	double p;
	int rc;
	if (greater_setup(x1, t1, x2, t2, &b, &p, &rc))
		return dsp_ret(out, p, rc);
	/* An exposure share below DBL_TRUE_MIN: the group with it has no
	 * events (z = 0/0: p = 1, as the two-sided test) or some (z = +inf
	 * for group 1, -inf for the reference). */
	if (b.p == 0 || b.q == 0) {
		double none = b.p == 0 ? b.x1 : b.x2;
		return dsp_ret(out, none == 0 ? 1 : b.p == 0 ? 0 : 1, DSP_OK);
	}
	double z = -b.d / (sqrt(b.x1 + b.x2) * sqrt(b.p) * sqrt(b.q));
	return dsp_ret(out, gsl_cdf_ugaussian_Q(z), DSP_OK);
}
