/*
 * root.c - Brent's method from GSL, run to a tolerance, and the outward
 * bracket search (see root.h).
 */
#include "root.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

double dsp_root(double (*f)(double, void *), void *params, double lo, double hi,
		double epsabs, double epsrel)
{
	gsl_function F = {f, params};
	gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	double r = NAN;
	if (!s || gsl_root_fsolver_set(s, &F, lo, hi) != GSL_SUCCESS) {
		gsl_root_fsolver_free(s);
		return NAN;
	}
	/* Brent converges superlinearly; 1000 steps only guard against a
	 * function too noisy to converge at all. */
	for (int i = 0; i < 1000; i++) {
		if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS) {
			r = NAN;
			break;
		}
		r = gsl_root_fsolver_root(s);
		lo = gsl_root_fsolver_x_lower(s);
		hi = gsl_root_fsolver_x_upper(s);
		if (gsl_root_test_interval(lo, hi, epsabs, epsrel) == GSL_SUCCESS)
			break;
	}
	gsl_root_fsolver_free(s);
	return r;
}

/* x from the search variable u: logistic(u) on (0, 1), else e^u; each end
 * clamped to the last double inside the domain. */
static double from_u(double u, int unit)
{
	if (!unit)
		return fmin(fmax(exp(u), DBL_TRUE_MIN), DBL_MAX);
	double x = 1 / (1 + exp(-u));
	return fmin(fmax(x, DBL_TRUE_MIN), 1 - DBL_EPSILON / 2);
}

static double outward(double (*f)(double, void *), void *params, double x0,
		      double step, int rising, int unit)
{
	double u = unit ? log(x0) - log1p(-x0) : log(x0);
	double umin = log(DBL_TRUE_MIN), umax = unit ? -log(DBL_EPSILON / 2) : log(DBL_MAX);
	double fin = f(x0, params), xin = x0;
	if (fin == 0 || isnan(fin))
		return fin == 0 ? x0 : NAN;
	double dir = (fin > 0) == (rising != 0) ? -1 : 1;  /* towards the root */
	for (;;) {
		double uout = fmin(fmax(u + dir * step, umin), umax);
		double xout = from_u(uout, unit), fout = f(xout, params);
		if (isnan(fout))
			return NAN;
		if (fout == 0)
			return xout;
		if ((fout > 0) != (fin > 0))
			return dsp_root(f, params, fmin(xin, xout), fmax(xin, xout),
					0, 2 * DBL_EPSILON);
		if (uout == umin || uout == umax || xout == xin)
			return xout;  /* no sign change inside the doubles */
		u = uout, xin = xout, fin = fout;
		step *= 2;
	}
}

double dsp_root_unit(double (*f)(double, void *), void *params, double x0,
		     double step, int rising)
{
	return outward(f, params, x0, step, rising, 1);
}

double dsp_root_positive(double (*f)(double, void *), void *params, double x0,
			 double step, int rising)
{
	return outward(f, params, x0, step, rising, 0);
}
