/*
 * root.c - Brent's method from GSL, run to a tolerance (see root.h).
 */
#include "root.h"

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
