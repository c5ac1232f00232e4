/*
 * betainc.c - the regularized incomplete beta I_x(a,b), by the method
 * made for each regime, always for the tail on the side of x away from the
 * mean (the "small" tail, kept to full relative accuracy; the other tail is
 * 1 - it):
 *
 * - min(a, b) >= 10^5: Temme's uniform expansion (uniform.c), whose cost
 *   does not grow with a and b.
 * - otherwise the finite binomial sum (DLMF 8.17.20 repeated, as in
 *   8.18.1), from x outward: I_x(a,b) = sum_j x^(a+j) y^(b-1-j) / ((a+j)
 *   B(a+j, b-j)) + I_x(a+K, b-K).  Its terms are binomial probabilities,
 *   falling from the first with ratios (b-1-j) x / ((a+1+j) y) that only
 *   decrease, so the tail of the sum is bounded by a geometric series; near
 *   the mean of Beta(10^5, 10^15) it takes about 3000 terms.  It ends after
 *   b terms when b is an integer; otherwise the rest, I_x(a+K, f) with f =
 *   b - floor(b) in (0,1), has a method of its own (rem_logtail).
 *
 * The earlier power series (DLMF 8.17.8) has ratios that tend to x instead:
 * when x is near 1 (the upper tail of Beta(1001, 10^12) at x = 10^-8 is the
 * lower tail of Beta(10^12, 1001) at 1 - 10^-8) it needs ~10^9 terms, and
 * its complement was taken instead, giving -5e-13 for a tail of e^-6702.
 *
 * Prefactors are Loader's saddle-point forms (saddle.c) from the deviation
 * D = (a+b-1) x - a, which callers can pass exact.
 */
#include "betainc.h"
#include "dsp.h"
#include "root.h"
#include "saddle.h"
#include "uniform.h"

#include <float.h>
#include <math.h>
#include <stddef.h>

#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_zeta.h>

#define EPS (DBL_EPSILON / 8)  /* a sum stops when the rest is below this */

/* log(1 + u) - u, without cancellation for small u. */
static double log1pmx(double u)
{
	if (fabs(u) > 0.01)
		return log1p(u) - u;
	double s = 0, t = u;
	for (int k = 2; k < 12; k++) {
		t *= -u;
		s += t / k;
	}
	return s;
}

/* log[x^a y^b / B(a,b)]: Stirling's series turns log Gamma(s)/(Gamma(a)
 * Gamma(b)) + a log x + b log y, s = a + b, into small terms (Loader 2000,
 * sec. 2, for real arguments). */
static double log_kernel(double x, double y, double a, double b)
{
	double s = a + b;
	return dsp_stirlerr(s) - dsp_stirlerr(a) - dsp_stirlerr(b) -
	       dsp_bd0(a, s * x) - dsp_bd0(b, s * y) +
	       0.5 * log(a * b / (2 * M_PI * s));
}

/*
 * log I_x(a,b) by the power series [x^a y^b / (a B(a,b))] sum_j
 * (a+b)_j/(a+1)_j x^j (DLMF 8.17.8), positive terms whose ratios tend to
 * x; used where they are below 0.9 (or grow only a few terms first).
 */
static double series_logtail(double x, double y, double a, double b)
{
	const double big = 1e280;
	double s = a + b, sum = 1, term = 1, lscale = 0;
	for (double j = 0; j < 1e6; j++) {
		double r = (s + j) * x / (a + 1 + j);
		term *= r;
		sum += term;
		if (sum > big) {
			sum /= big, term /= big;
			lscale += log(big);
		}
		/* The ratios move monotonically towards x: max(r, x) bounds
		 * the rest. */
		double rmax = fmax(r, x);
		if (rmax < 1 && term * rmax < EPS * sum * (1 - rmax))
			break;
	}
	return log_kernel(x, y, a, b) - log(a) + lscale + log(sum);
}

/*
 * log I_x(p, f), 0 < f < 1, x > 0.9, w = T z0 > 1 where T = p + (f-1)/2,
 * z0 = -log x (so T > 9.5): with t = e^-s,
 *
 *   I_x(p,f) = [1/B(p,f)] int_z0^inf s^(f-1) e^(-T s) phi(s) ds,
 *   phi(s) = (sinh(s/2) / (s/2))^(f-1) = sum_k e_k s^2k,
 *
 * so I = [Gamma(p+f) / (Gamma(p) T^f)] sum_k e_k (f)_2k T^-2k Q(f+2k, w),
 * the gamma-type expansion for a large first parameter and a second one
 * below 1 (Temme 1987; DiDonato AR, Morris AH (1992) ACM TOMS 18:360-373,
 * their BGRAT).  The series of phi converges for s < 2 pi, and the rest of
 * the integral is below e^(-2 pi T), so the sum converges to full
 * accuracy.
 */
static double gamma_logtail(double p, double f, double y)
{
	double z0 = -log1p(-y), T = p + (f - 1) / 2, w = T * z0, u = f / p;
	/* log of Gamma(p+f) / (Gamma(p) T^f), by Stirling's series. */
	double lg0 = p * log1pmx(u) - 0.5 * log1p(u) + f * log1p((f + 1) / (2 * T)) +
		     dsp_stirlerr(p + f) - dsp_stirlerr(p);
	double le = f * log(w) - w - gsl_sf_lngamma(f + 1);  /* log E = w^f e^-w / f! */
	/* Y_i = (f)_i Q(f+i, w) / (E T^i), from Q(a+1) = Q(a) + w^a e^-w/a!:
	 * Y_(i+1) = ((f+i) Y_i + f z0^i) / T. */
	double y0;
	if (w <= 600) {
		y0 = gsl_sf_gamma_inc_Q(f, w) / exp(le);
	} else {  /* Q(f,w) = w^(f-1) e^-w/Gamma(f) sum (f-1)...(f-k)/w^k, DLMF 8.11.2 */
		double s = 1, t = 1;
		for (int k = 1; k < 600 && fabs(t) > EPS * s; k++)
			s += t *= (f - k) / w;
		y0 = f / w * s;
	}
	/* e_k from log phi = (f-1) sum_n l_n s^2n, l_n = B_2n/(2n (2n)!) =
	 * (-1)^(n+1) zeta(2n) / (n (2 pi)^2n). */
	enum { KMAX = 24 };
	double l[KMAX], e[KMAX], yi = y0, zi = 1, sum = y0;
	e[0] = 1;
	for (int k = 1; k < KMAX; k++) {
		l[k] = (k % 2 ? 1 : -1) * gsl_sf_zeta_int(2 * k) / (k * pow(2 * M_PI, 2 * k));
		double s = 0;
		for (int n = 1; n <= k; n++)
			s += n * (f - 1) * l[n] * e[k - n];
		e[k] = s / k;
		for (int i = 2 * k - 2; i < 2 * k; i++) {
			yi = ((f + i) * yi + f * zi) / T;
			zi *= z0;
		}
		double term = e[k] * yi;
		sum += term;
		if (fabs(term) < EPS * sum)
			break;
	}
	return lg0 + le + log(sum);
}

/* log I_x(p, f), 0 < f < 1: what the finite sum leaves for a non-integer
 * second parameter. */
static double rem_logtail(double p, double f, double x, double y)
{
	if (y >= 0.1)  /* ratios below 0.9 */
		return series_logtail(x, y, p, f);
	/* Near x = 1: I_x(p,f) = 1 - I_y(f,p), whose series is short and whose
	 * value is at least Q(f, w) >= e^-1 while w <= 1; beyond, the
	 * gamma-type expansion. */
	if ((p + (f - 1) / 2) * -log1p(-y) <= 1)
		return log1p(-exp(series_logtail(y, x, f, p)));
	return gamma_logtail(p, f, y);
}

/*
 * log I_x(a,b) by the finite sum (see the top), for x at or below the mean
 * a/(a+b), where the terms fall from the first.  d = (a+b-1) x - a.
 */
static double binom_logtail(double a, double b, double x, double y, double d)
{
	int whole = b == floor(b);
	double k = whole ? b : floor(b);  /* terms before the remainder */
	if (k == 0)
		return rem_logtail(a, b, x, y);
	/* The first term is the binomial density of a in a+b-1 trials. */
	double lu0 = dsp_ldbinom_dev(a, b - 1, x, y, d), sum = 0, term = 1;
	double xy = x / y;
	for (double j = 0; j < k; j++) {
		sum += term;
		double r = (b - 1 - j) / (a + 1 + j) * xy;
		/* The ratios decrease, so term r/(1-r) bounds the sum of the
		 * later terms and the remainder too (it is at most term r). */
		if (r < 1 && term * r < EPS * sum * (1 - r))
			return lu0 + log(sum);
		term *= r;
	}
	double ls = lu0 + log(sum);
	if (whole)
		return ls;
	double lr = rem_logtail(a + k, b - k, x, y);
	return fmax(ls, lr) + log1p(exp(-fabs(ls - lr)));
}

/* log of the lower (upper == 0) or upper tail; u is the set-up uniform
 * expansion when min(a, b) >= DSP_UNIFORM_MIN. */
static double logtail(const struct dsp_uniform *u, double a, double b,
		      double x, double y, double d, int upper)
{
	double dev = d + x;  /* (a+b) x - a: below 0 below the mean */
	int small_lower;
	double ls;
	if (u) {
		double r = a + b;
		double z2 = dsp_bd0_dev(a, dev, r * x) + dsp_bd0_dev(b, -dev, r * y);
		double zeta = copysign(sqrt(z2), dev);
		double theta = dsp_stirlerr(r) - dsp_stirlerr(a) - dsp_stirlerr(b);
		ls = dsp_uniform_logtail(u, zeta, fmin(a, b), theta);
		small_lower = zeta <= 0;
	} else {
		small_lower = dev < 0;
		/* The upper tail is I_y(b,a), whose d is (a+b-1) y - b. */
		ls = small_lower ? binom_logtail(a, b, x, y, d)
				 : binom_logtail(b, a, y, x, -d - 1);
	}
	return (upper != 0) == small_lower ? log1p(-exp(ls)) : ls;
}

static int bad(double x, double a, double b, double y)
{
	return !(a > 0 && b > 0 && x >= 0 && y >= 0 && x <= 1 && y <= 1 &&
		 isfinite(a) && isfinite(b));
}

void dsp_beta_setup(struct dsp_beta *B, double a, double b)
{
	B->a = a, B->b = b;
	B->big = fmin(a, b) >= DSP_UNIFORM_MIN;
	if (B->big)
		dsp_uniform_init(&B->u, a / (a + b), b / (a + b));
}

double dsp_beta_logtail_at(const struct dsp_beta *B, double x, double y, double d,
			   int upper)
{
	if (bad(x, B->a, B->b, y) || !isfinite(d))
		return NAN;
	if (x == 0 || y == 0)
		return (x == 0) == (upper != 0) ? 0 : -INFINITY;
	return logtail(B->big ? &B->u : NULL, B->a, B->b, x, y, d, upper);
}

double dsp_beta_logtail(double a, double b, double x, double y, double d, int upper)
{
	struct dsp_beta B;
	if (bad(x, a, b, y))
		return NAN;
	dsp_beta_setup(&B, a, b);
	return dsp_beta_logtail_at(&B, x, y, d, upper);
}

/* With a + b = s + e exactly (Knuth's two-sum), (a+b-1) x - a is fl(s x -
 * a) + (e - 1) x.  Forming a + b - 1 first moves the result by up to x, as
 * much as changing b by 1/2 (a 3% error in a tail at a = 6.6e15, b =
 * 38274.5). */
double dsp_beta_dev(double a, double b, double x)
{
	double s = a + b, bb = s - a, e = (a - (s - bb)) + (b - bb);
	return fma(s, x, -a) + (e - 1) * x;
}

double dsp_beta_tail(double x, double a, double b, int upper)
{
	return exp(dsp_beta_logtail(a, b, x, 1 - x, dsp_beta_dev(a, b, x), upper));
}

struct qparams {
	const struct dsp_beta *B;
	double lt;  /* log of the tail sought */
	int upper;
};

static double qfun(double x, void *vp)
{
	const struct qparams *q = vp;
	if (x <= 0)  /* tails 0 and 1 */
		return q->upper ? -q->lt : -INFINITY;
	if (x >= 1)
		return q->upper ? -INFINITY : -q->lt;
	return dsp_beta_logtail_at(q->B, x, 1 - x, dsp_beta_dev(q->B->a, q->B->b, x),
				   q->upper) - q->lt;
}

double dsp_beta_quantile(double t, double a, double b, int upper)
{
	if (!(t > 0 && t < 1) || bad(0.5, a, b, 0.5))
		return NAN;
	struct dsp_beta B;
	dsp_beta_setup(&B, a, b);
	struct qparams q = {&B, log(t), upper};
	/* From the mean, in steps of about a standard deviation of logit(X). */
	return dsp_root_unit(qfun, &q, a / (a + b), fmin(0.5, sqrt(1 / a + 1 / b)),
			     !upper);
}
