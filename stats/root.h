/*
 * root.h - one bracketed root search shared by the library, on GSL's Brent
 * solver, so that iteration limits and stopping rules live in one place;
 * and the outward search that finds its bracket.
 */
#ifndef DSP_ROOT_H
#define DSP_ROOT_H

/*
 * A root of f in [lo, hi], where f(lo) and f(hi) have opposite signs, to
 * |hi - lo| <= epsabs + epsrel * min(|lo|, |hi|).  NaN if the solver fails.
 */
double dsp_root(double (*f)(double, void *), void *params, double lo, double hi,
		double epsabs, double epsrel);

/*
 * The root of f, monotone (rising != 0: increasing) on (0, 1), searched
 * from x0 in (0, 1) outward in steps of logit(x) that start at step and
 * double until f changes sign, so that the bracket is one where f was seen
 * to change sign; then Brent in x to 2 DBL_EPSILON relative.  If f keeps
 * its sign out to the smallest double or the largest below 1, that end.
 * NaN if f is NaN on the way.
 */
double dsp_root_unit(double (*f)(double, void *), void *params, double x0,
		     double step, int rising);

/* The same on (0, inf), in steps of log(x). */
double dsp_root_positive(double (*f)(double, void *), void *params, double x0,
			 double step, int rising);

#endif
