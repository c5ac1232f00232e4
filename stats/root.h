/*
 * root.h - one bracketed root search shared by the library, on GSL's Brent
 * solver, so that iteration limits and stopping rules live in one place.
 */
#ifndef DSP_ROOT_H
#define DSP_ROOT_H

/*
 * A root of f in [lo, hi], where f(lo) and f(hi) have opposite signs, to
 * |hi - lo| <= epsabs + epsrel * min(|lo|, |hi|).  NaN if the solver fails.
 */
double dsp_root(double (*f)(double, void *), void *params, double lo, double hi,
		double epsabs, double epsrel);

#endif
