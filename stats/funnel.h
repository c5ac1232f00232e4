/*
 * funnel.h - funnel plots for comparing units (boroughs, forces, years)
 * with a target: control limits around the target at each unit's size,
 * z-scores, p-values, and the over-dispersion estimates of
 * Spiegelhalter DJ (2005), Funnel plots for comparing institutional
 * performance, Stat Med 24:1185-1202.
 *
 * The null model of a unit of size n: its count X is Binomial(n, target)
 * and its rate X/n a proportion, or (poisson) X is Poisson(n target), n
 * being the unit's expected count (the rate X/n is then an observed /
 * expected ratio) or its exposure.  The rate's variance at the target is
 * v = target (1 - target) / n (binomial) or target / n (Poisson), and
 * over-dispersion inflates it to phi v + tau2 (the paper's multiplicative
 * and additive models; phi = 1, tau2 = 0 is none).
 *
 * Functions return DSP_OK, DSP_EDOM for arguments outside their domain,
 * DSP_ERANGE for sizes beyond a method's stated limit, DSP_ENOMEM.
 */
#ifndef DSP_FUNNEL_H
#define DSP_FUNNEL_H

#include <stddef.h>

typedef struct {
	double target;  /* binomial: in [0, 1]; Poisson: >= 0 */
	int poisson;    /* 0: binomial; 1: Poisson */
	double phi;     /* multiplicative over-dispersion, >= 1 */
	double tau2;    /* additive over-dispersion (between-unit variance), >= 0 */
} dsp_funnel;

/*
 * The control limits at two-sided level (0.95: each tail 0.025) for a unit
 * of size n > 0 (an integer for the binomial), and the two-sided p-value
 * of x events at that size (NaN when x is NaN): the smallest 1 - level at
 * which the unit is outside, so that x/n < lo or x/n > hi exactly when
 * p < 1 - level.  Limits are on the rate scale, within [0, 1] for the
 * binomial and [0, inf) for the Poisson.  With over-dispersion, a limit's
 * distance from the target is multiplied by sqrt(phi + tau2 / v).
 */
typedef int (*dsp_funnel_fn)(const dsp_funnel *f, double x, double n,
			     double level, double *lo, double *hi, double *p);

/*
 * exact: the exact binomial (Poisson) limits with the paper's
 * interpolation for discreteness (Appendix A.1.1): the lower limit is
 * (r - a)/n, r the smallest count with F(r) = P(X <= r) >= t (t the tail,
 * (1 - level)/2), a = (F(r) - t) / (F(r) - F(r-1)); the upper limit is the
 * same interpolation taken from the upper tail, (s + b)/n, s the largest
 * count with G(s) = P(X >= s) >= t, b = (G(s) - t) / (G(s) - G(s+1)).
 * For the binomial this is the paper's lower limit of the non-events,
 * mirrored.  A unit is outside exactly when the exact one-sided tail
 * probability of its count is below t; p is twice the smaller tail, at
 * most 1.  The tails are the beta and gamma functions (betainc.h,
 * gammainc.h), microseconds at any size.  Limit: n <= 10^12 (binomial), n
 * target <= 10^12 (Poisson), as far as the references go.
 */
int dsp_funnel_exact(const dsp_funnel *f, double x, double n, double level,
		     double *lo, double *hi, double *p);

/*
 * exact-cdf: both limits as the paper prints them, (r - a)/n at tail t and
 * at 1 - t of the cumulative distribution.  The upper limit lies one count
 * (1/n) below exact's wherever P(X >= s) > t, so that a unit is above it
 * with probability above t; a unit with all events is above it whatever
 * the target (below 1).  It is here to reproduce tools that implement the
 * formula as printed.  p: twice the smaller tail of that one continuous
 * version, at most 1.  Same limit as exact.
 */
int dsp_funnel_exact_cdf(const dsp_funnel *f, double x, double n, double level,
			 double *lo, double *hi, double *p);

/*
 * normal: target -/+ z sqrt(phi v + tau2), z the normal quantile, clipped
 * to [0, 1] (binomial) or [0, inf); p = 2 Phi(-|z-score|).  For the
 * binomial without over-dispersion these are the limits of Public Health
 * England's funnel plots for proportions.  No limit on n.
 */
int dsp_funnel_normal(const dsp_funnel *f, double x, double n, double level,
		      double *lo, double *hi, double *p);

/* The rate's variance at the target, v, for a unit of size n > 0. */
double dsp_funnel_var(const dsp_funnel *f, double n);

/* The z-score (x/n - target) / sqrt(phi v + tau2); 0 when x/n is the
 * target, +-inf when the variance is 0 and it is not. */
double dsp_funnel_z(const dsp_funnel *f, double x, double n);

/*
 * The over-dispersion of k units from their z-scores (without
 * over-dispersion) and weights w = 1/v: phi, the mean of the squared
 * z-scores after winsorising a fraction `winsor` at each end (the floor(k
 * winsor) smallest set to the next smallest, the largest likewise); and
 * tau2, DerSimonian and Laird's moment estimate from that phi,
 * (k phi - (k - 1)) / (sum w - sum w^2 / sum w), 0 when k phi <= k - 1.
 * DSP_EDOM unless k >= 1 (tau2: k >= 2), every z and w finite, w > 0 and
 * 0 <= winsor < 0.5.
 */
int dsp_funnel_phi(size_t k, const double *z, double winsor, double *phi);
int dsp_funnel_tau2(size_t k, const double *w, double phi, double *tau2);

/*
 * An over-dispersion method: the phi and tau2 that the limits use, from
 * the units' z-scores and weights (as above).  none: 1 and 0;
 * multiplicative: the winsorised phi, 1 when it is below 1, and 0;
 * additive: 1 and the DerSimonian-Laird tau2.
 */
typedef int (*dsp_disp_fn)(size_t k, const double *z, const double *w,
			   double winsor, double *phi, double *tau2);
int dsp_disp_none(size_t k, const double *z, const double *w, double winsor,
		  double *phi, double *tau2);
int dsp_disp_multiplicative(size_t k, const double *z, const double *w,
			    double winsor, double *phi, double *tau2);
int dsp_disp_additive(size_t k, const double *z, const double *w,
		      double winsor, double *phi, double *tau2);

/*
 * Sizes for drawing the limits from lo to hi (0 < lo <= hi): every integer
 * when integer and there are at most npoints of them, else npoints sizes
 * spaced evenly on a log scale (rounded to integers and without repeats
 * when integer), lo and hi included.  Writes at most npoints (>= 2) values
 * to out and returns how many.
 */
size_t dsp_funnel_grid(double lo, double hi, size_t npoints, int integer,
		       double *out);

#endif
