/*
 * funnel.c - funnel-plot control limits, z-scores, p-values and
 * over-dispersion (see funnel.h).
 *
 * Spiegelhalter DJ (2005). Funnel plots for comparing institutional
 *   performance. Stat Med 24:1185-1202: the limits (sec. 2, Appendix
 *   A.1.1 for the exact binomial and its interpolation, A.1.2 Poisson), the
 *   z-scores and the over-dispersion models (sec. 6: phi from winsorised
 *   z-scores; the additive random-effects tau^2 of DerSimonian R, Laird N
 *   (1986). Meta-analysis in clinical trials. Control Clin Trials
 *   7:177-188).
 *
 * The interpolation treats the count as continuous: for the lower tail,
 * with its mass at r spread over (r-1, r], whose distribution function is
 * linear between F(r-1) and F(r); for the upper tail, mass at r spread
 * over [r, r+1).  The limits are the quantiles of these continuous
 * versions and the p-values their tail probabilities, so a unit is outside
 * exactly when its p-value is below 1 - level, with or without
 * over-dispersion.
 *
 * The binomial and Poisson tails are the smaller tail on r's side, from
 * betainc.c's incomplete beta and gammainc.c's incomplete gamma (full
 * relative accuracy at any size, at a cost that does not grow with it;
 * against R to 5.7e-11 at 10^12, fixtures/refs/funnel.csv), the other
 * tail being 1 - that one.  GSL's incomplete gamma will not do: it loses
 * every digit of the Poisson lower tail once the mean passes 10^7.
 */
#include "funnel.h"
#include "betainc.h"
#include "gammainc.h"
#include "dsp.h"
#include "saddle.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>

/* Largest size (binomial n, Poisson mean) of the exact methods, as far as
 * their references go (fixtures/refs/funnel.csv); a tail's cost no longer
 * grows with n (the beta and gamma tails), so it could be raised with
 * references beyond it. */
#define EXACT_MAX 1e12

/* The count's distribution at a unit's size. */
struct dist {
	int poisson;
	double n;       /* binomial trials (the size) */
	double theta;   /* binomial probability */
	double mu;      /* mean: n theta */
};

static struct dist dist_of(const dsp_funnel *f, double n)
{
	return (struct dist){f->poisson, n, f->target, n * f->target};
}

/* P(X >= k) (dir > 0) or P(X <= k) (dir < 0) for X ~ Poisson(mu), mu > 0,
 * k >= 0 an integer: the gamma tail, at a cost that does not grow with mu. */
static double pois_tail(double k, double mu, int dir)
{
	return exp(dsp_pois_logtail(k, mu, dir > 0));
}

/* P(X = r). */
static double dens(const struct dist *d, double r)
{
	if (r < 0 || (!d->poisson && r > d->n))
		return 0;
	if (d->poisson)
		return d->mu == 0 ? (r == 0) : exp(dsp_ldpois(r, d->mu));
	if (d->theta == 0 || d->theta == 1)
		return r == (d->theta == 0 ? 0 : d->n);
	return exp(dsp_ldbinom(r, d->n, d->theta, 1 - d->theta));
}

/* P(X >= k) (dir > 0) or P(X <= k) (dir < 0) for X ~ Binomial(n, p), q =
 * 1 - p, 0 < p < 1, k an integer: the beta tails P(X >= k) = I_p(k, n - k +
 * 1) and P(X <= k) = 1 - I_p(k + 1, n - k), each the smaller tail where it
 * is called, at a cost that does not grow with n. */
static double binom_tail(double k, double n, double p, double q, int dir)
{
	if (dir > 0 ? k <= 0 : k >= n)
		return 1;
	if (dir > 0 ? k > n : k < 0)
		return 0;
	double a = dir > 0 ? k : k + 1, b = n - a + 1;
	return exp(dsp_beta_logtail(a, b, p, q, dsp_beta_dev(a, b, p), dir < 0));
}

/* P(X <= r). */
static double cdf(const struct dist *d, double r)
{
	if (r < 0)
		return 0;
	if (d->poisson) {
		if (d->mu == 0)
			return 1;
		return r < d->mu ? pois_tail(r, d->mu, -1) : 1 - pois_tail(r + 1, d->mu, +1);
	}
	if (r >= d->n)
		return 1;
	if (d->theta == 0 || d->theta == 1)
		return d->theta == 0;
	double p = d->theta, q = 1 - p;
	return r < d->mu ? binom_tail(r, d->n, p, q, -1) : 1 - binom_tail(r + 1, d->n, p, q, +1);
}

/* P(X >= r). */
static double sf(const struct dist *d, double r)
{
	if (r <= 0)
		return 1;
	if (d->poisson) {
		if (d->mu == 0)
			return 0;
		return r > d->mu ? pois_tail(r, d->mu, +1) : 1 - pois_tail(r - 1, d->mu, -1);
	}
	if (r > d->n)
		return 0;
	if (d->theta == 0 || d->theta == 1)
		return d->theta == 1;
	double p = d->theta, q = 1 - p;
	return r > d->mu ? binom_tail(r, d->n, p, q, +1) : 1 - binom_tail(r - 1, d->n, p, q, -1);
}

/* A first guess at the count with lower tail t: Cornish-Fisher with the
 * skewness term, on the support. */
static double guess(const struct dist *d, double t)
{
	double var = d->poisson ? d->mu : d->mu * (1 - d->theta);
	if (!(var > 0))
		return d->mu;
	double sd = sqrt(var), z = gsl_cdf_ugaussian_Pinv(t);
	double skew = d->poisson ? 1 / sd : (1 - 2 * d->theta) / sd;
	double q = floor(d->mu + sd * (z + skew * (z * z - 1) / 6) + 0.5);
	if (q < 0)
		q = 0;
	if (!d->poisson && q > d->n)
		q = d->n;
	return q;
}

/*
 * The smallest integer r >= 0 with P(X <= r) >= t (0 < t < 1), and that
 * probability.  From the guess, steps that double bracket r, then
 * bisection; P(X <= -1) = 0 < t and, for the binomial, P(X <= n) = 1 >= t.
 */
static double lower_quantile(const struct dist *d, double t, double *Fr)
{
	*Fr = NAN;
	double g = guess(d, t), Fg = cdf(d, g);
	double lo, hi, Fhi;   /* cdf(lo) < t <= cdf(hi) */
	if (Fg >= t) {
		hi = g, Fhi = Fg;
		for (double step = 1;; step *= 2) {
			lo = hi - step;
			if (lo < 0) {
				lo = -1;
				break;
			}
			if (step > 0x1p60)
				return NAN;
			double F = cdf(d, lo);
			if (F < t)
				break;
			hi = lo, Fhi = F;
		}
	} else {
		lo = g;
		for (double step = 1;; step *= 2) {
			hi = lo + step;
			if (!d->poisson && hi >= d->n) {
				hi = d->n, Fhi = 1;
				break;
			}
			if (step > 0x1p60)
				return NAN;
			double F = cdf(d, hi);
			if (F >= t) {
				Fhi = F;
				break;
			}
			lo = hi;
		}
	}
	while (hi - lo > 1) {
		double mid = lo + floor((hi - lo) / 2), F = cdf(d, mid);
		if (F >= t)
			hi = mid, Fhi = F;
		else
			lo = mid;
	}
	*Fr = Fhi;
	return hi;
}

/*
 * The largest integer s >= 0 with P(X >= s) >= t (strict: > t), and that
 * probability; P(X >= 0) = 1.  Bracketed from the guess as above.
 */
static double upper_quantile(const struct dist *d, double t, int strict, double *Gs)
{
	*Gs = NAN;
	double g = guess(d, 1 - t), Gg = sf(d, g);
#define IN(G) (strict ? (G) > t : (G) >= t)
	double lo, hi, Glo;   /* lo in, hi out */
	if (IN(Gg)) {
		lo = g, Glo = Gg;
		for (double step = 1;; step *= 2) {
			hi = lo + step;
			if (!d->poisson && hi > d->n) {
				hi = d->n + 1;
				break;
			}
			if (step > 0x1p60)
				return NAN;
			double G = sf(d, hi);
			if (!IN(G))
				break;
			lo = hi, Glo = G;
		}
	} else {
		hi = g;
		for (double step = 1;; step *= 2) {
			lo = hi - step;
			if (lo <= 0) {
				lo = 0, Glo = 1;
				break;
			}
			double G = sf(d, lo);
			if (IN(G)) {
				Glo = G;
				break;
			}
			hi = lo;
		}
	}
	while (hi - lo > 1) {
		double mid = lo + floor((hi - lo) / 2), G = sf(d, mid);
		if (IN(G))
			lo = mid, Glo = G;
		else
			hi = mid;
	}
#undef IN
	*Gs = Glo;
	return lo;
}

/* The interpolation weight, (tail - t) / P(X = r), within [0, 1]. */
static double weight(double tail, double t, double dr)
{
	double a = (tail - t) / dr;
	return a < 0 ? 0 : a > 1 ? 1 : a;
}

/* The continuous versions' tails at a real count position x: the lower
 * one (mass at r over (r-1, r]) P(X* <= x), and the upper one (mass at r
 * over [r, r+1)) P(X** >= x); at an integer x, P(X <= x) and P(X >= x).
 * Sums of positive terms, so the far tails keep their relative accuracy. */
static double lower_tail_at(const struct dist *d, double x)
{
	double c = ceil(x);
	return c == x ? cdf(d, x) : cdf(d, c - 1) + (x - c + 1) * dens(d, c);
}

static double upper_tail_at(const struct dist *d, double x)
{
	double fl = floor(x);
	return fl == x ? sf(d, x) : sf(d, fl + 1) + (fl + 1 - x) * dens(d, fl);
}

/* As lower_tail_at, the upper tail of the same (lower) version, 1 -
 * P(X* <= x), without cancellation. */
static double cdf_upper_tail_at(const struct dist *d, double x)
{
	double c = ceil(x);
	return sf(d, c + 1) + (c - x) * dens(d, c);
}

enum { EXACT, EXACT_CDF, NORMAL };

double dsp_funnel_var(const dsp_funnel *f, double n)
{
	return f->poisson ? f->target / n : f->target * (1 - f->target) / n;
}

double dsp_funnel_z(const dsp_funnel *f, double x, double n)
{
	double d = x / n - f->target, sd = sqrt(f->phi * dsp_funnel_var(f, n) + f->tau2);
	if (d == 0)
		return 0;
	return sd == 0 ? copysign(INFINITY, d) : d / sd;
}

static int bad_model(const dsp_funnel *f)
{
	if (f->poisson ? !(f->target >= 0 && isfinite(f->target))
		       : !(f->target >= 0 && f->target <= 1))
		return 1;
	return !(f->phi >= 1 && isfinite(f->phi) && f->tau2 >= 0 && isfinite(f->tau2));
}

static int is_count(double x)
{
	return x >= 0 && x <= DSP_COUNT_MAX && x == floor(x);
}

static int limits(int method, const dsp_funnel *f, double x, double n, double level,
		  double *lo, double *hi, double *p)
{
	*lo = *hi = *p = NAN;
	int exact = method != NORMAL;
	if (bad_model(f) || !(level > 0 && level < 1) || !(n > 0 && isfinite(n)))
		return DSP_EDOM;
	if (!f->poisson && exact && !is_count(n))
		return DSP_EDOM;
	if (!isnan(x) && (exact ? !is_count(x) : !(x >= 0 && isfinite(x))))
		return DSP_EDOM;
	if (!isnan(x) && !f->poisson && x > n)
		return DSP_EDOM;
	double v = dsp_funnel_var(f, n);
	if (v == 0 && (f->phi != 1 || f->tau2 != 0))
		return DSP_EDOM;   /* no variance to inflate */
	if (exact && (f->poisson ? n * f->target : n) > EXACT_MAX)
		return DSP_ERANGE;
	/* Over-dispersion multiplies distances from the target by s. */
	double k = v > 0 ? f->phi + f->tau2 / v : 1, s = sqrt(k);
	double th = f->target, t = (1 - level) / 2, top = f->poisson ? INFINITY : 1;
	if (method == NORMAL) {
		double half = gsl_cdf_ugaussian_Qinv(t) * sqrt(k * v);
		*lo = fmax(th - half, 0), *hi = fmin(th + half, top);
		if (!isnan(x))
			*p = fmin(1, erfc(fabs(dsp_funnel_z(f, x, n)) / M_SQRT2));
		return DSP_OK;
	}
	struct dist d = dist_of(f, n);
	double Fr, Gs;
	double r = lower_quantile(&d, t, &Fr);
	double L = (r - weight(Fr, t, dens(&d, r))) / n, U;
	if (method == EXACT) {
		double sq = upper_quantile(&d, t, 0, &Gs);
		U = (sq + weight(Gs, t, dens(&d, sq))) / n;
	} else {
		/* The smallest r with F(r) >= 1 - t is the largest with
		 * G(r) > t; its weight (F(r) - (1 - t)) / P(r) is
		 * (t - G(r+1)) / P(r). */
		double ru = upper_quantile(&d, t, 1, &Gs);
		U = (ru - weight(t, sf(&d, ru + 1), dens(&d, ru))) / n;
	}
	*lo = fmin(fmax(th + s * (L - th), 0), top);
	*hi = fmin(fmax(th + s * (U - th), 0), top);
	if (!isnan(x)) {
		/* The unit's count, moved towards the target's count by s. */
		double xs = k == 1 ? x : n * th + (x - n * th) / s;
		double pl = lower_tail_at(&d, xs);
		double pu = method == EXACT ? upper_tail_at(&d, xs) : cdf_upper_tail_at(&d, xs);
		*p = fmin(1, 2 * fmin(pl, pu));
	}
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

int dsp_funnel_exact(const dsp_funnel *f, double x, double n, double level,
		     double *lo, double *hi, double *p)
{
	return limits(EXACT, f, x, n, level, lo, hi, p);
}

int dsp_funnel_exact_cdf(const dsp_funnel *f, double x, double n, double level,
			 double *lo, double *hi, double *p)
{
	return limits(EXACT_CDF, f, x, n, level, lo, hi, p);
}

int dsp_funnel_normal(const dsp_funnel *f, double x, double n, double level,
		      double *lo, double *hi, double *p)
{
	return limits(NORMAL, f, x, n, level, lo, hi, p);
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int dsp_funnel_phi(size_t k, const double *z, double winsor, double *phi)
{
	*phi = NAN;
	if (k < 1 || !(winsor >= 0 && winsor < 0.5))
		return DSP_EDOM;
	for (size_t i = 0; i < k; i++)
		if (!isfinite(z[i]))
			return DSP_EDOM;
	double *s = malloc(k * sizeof *s);
	if (!s)
		return DSP_ENOMEM;
	memcpy(s, z, k * sizeof *s);
	qsort(s, k, sizeof *s, by_value);
	/* floor(k winsor), with a margin for the rounding of k winsor
	 * (0.29 * 100 is 28.999999999999996). */
	size_t g = (size_t)floor((double)k * winsor + 1e-9);
	double low = s[g], high = s[k - 1 - g], sum = 0;
	for (size_t i = 0; i < k; i++) {
		double w = z[i] < low ? low : z[i] > high ? high : z[i];
		sum += w * w;
	}
	free(s);
	*phi = sum / (double)k;
	return DSP_OK;
}

int dsp_funnel_tau2(size_t k, const double *w, double phi, double *tau2)
{
	*tau2 = NAN;
	if (k < 2 || !(phi >= 0 && isfinite(phi)))
		return DSP_EDOM;
	/* sum w - sum w^2 / sum w is sum_i w_i o_i / sum w, o_i the sum of
	 * the other weights (each a prefix plus a suffix sum): the
	 * difference cancels when one weight dwarfs the rest (1/v of a unit
	 * of 10^12 at a target of 10^-9 beside a unit of 1), to 0 or below,
	 * and tau2 came out inf or negative. */
	double sw = 0, pre = 0, d = 0;
	for (size_t i = 0; i < k; i++) {
		if (!(w[i] > 0 && isfinite(w[i])))
			return DSP_EDOM;
		sw += w[i];
	}
	double *suf = malloc(k * sizeof *suf);
	if (!suf)
		return DSP_ENOMEM;
	suf[k - 1] = 0;
	for (size_t i = k - 1; i > 0; i--)
		suf[i - 1] = suf[i] + w[i];
	for (size_t i = 0; i < k; i++) {
		d += w[i] * ((pre + suf[i]) / sw);
		pre += w[i];
	}
	free(suf);
	double q = (double)k * phi, df = (double)k - 1;
	*tau2 = q <= df ? 0 : (q - df) / d;
	return DSP_OK;
}

int dsp_disp_none(size_t k, const double *z, const double *w, double winsor,
		  double *phi, double *tau2)
{
	(void)k, (void)z, (void)w, (void)winsor;
	*phi = 1, *tau2 = 0;
	return DSP_OK;
}

int dsp_disp_multiplicative(size_t k, const double *z, const double *w,
			    double winsor, double *phi, double *tau2)
{
	(void)w;
	*tau2 = 0;
	int rc = dsp_funnel_phi(k, z, winsor, phi);
	if (rc == DSP_OK && *phi < 1)
		*phi = 1;   /* no under-dispersion: limits are never narrowed */
	return rc;
}

int dsp_disp_additive(size_t k, const double *z, const double *w,
		      double winsor, double *phi, double *tau2)
{
	double ph;
	*phi = 1, *tau2 = NAN;
	int rc = dsp_funnel_phi(k, z, winsor, &ph);
	return rc == DSP_OK ? dsp_funnel_tau2(k, w, ph, tau2) : rc;
}

size_t dsp_funnel_grid(double lo, double hi, size_t npoints, int integer,
		       double *out)
{
	if (!(lo > 0 && lo <= hi && isfinite(hi)) || npoints < 2)
		return 0;
	if (integer) {
		lo = ceil(lo), hi = floor(hi);
		if (hi < lo)
			hi = lo;
		if (hi - lo + 1 <= (double)npoints) {
			/* By index: from 2^53 up, s++ can leave s where it was. */
			size_t n = (size_t)(hi - lo) + 1, m = 0;
			for (size_t i = 0; i < n; i++) {
				double s = lo + (double)i;
				if (m == 0 || s > out[m - 1])
					out[m++] = s;
			}
			return m;
		}
	}
	if (lo == hi) {
		out[0] = lo;
		return 1;
	}
	size_t m = 0;
	double step = log(hi / lo) / (double)(npoints - 1);
	for (size_t i = 0; i < npoints; i++) {
		double s = i == 0 ? lo : i == npoints - 1 ? hi : lo * exp(step * (double)i);
		if (integer)
			s = floor(s + 0.5);
		if (m == 0 || s > out[m - 1])
			out[m++] = s;
	}
	return m;
}
