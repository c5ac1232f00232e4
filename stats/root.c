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

/* The last doubles inside the domain. */
#define XMIN DBL_TRUE_MIN
#define XMAX(unit) ((unit) ? 1 - DBL_EPSILON / 2 : DBL_MAX)

/* x from the search variable u: logistic(u) on (0, 1), else e^u; clamped
 * to the domain. */
static double from_u(double u, int unit)
{
	double x = unit ? 1 / (1 + exp(-u)) : exp(u);
	return fmin(fmax(x, XMIN), XMAX(unit));
}

/* The double next to x towards dir (+1 or -1), kept inside the domain. */
static double next(double x, int dir, int unit)
{
	double y = nextafter(x, dir > 0 ? INFINITY : 0);
	return fmin(fmax(y, XMIN), XMAX(unit));
}

/*
 * Brent stops within a few ulps; a bracket of adjacent doubles is then
 * found by stepping from its estimate r, and the end where |f| is smaller
 * returned (the nearer one, f being locally linear).  That matters where x
 * is near 1: 2 DBL_EPSILON there is two of the doubles below 1, and the
 * upper bound for n-1 of n = 2^53 belongs on the last.
 */
static double polish(double (*f)(double, void *), void *params, double r,
		     int rising, int unit)
{
	double fr = f(r, params);
	if (fr == 0 || isnan(fr))
		return fr == 0 ? r : NAN;
	int dir = (fr > 0) == (rising != 0) ? -1 : 1;
	for (int i = 0; i < 16; i++) {
		double s = next(r, dir, unit), fs = f(s, params);
		if (s == r || isnan(fs))
			break;
		if (fs == 0 || (fs > 0) != (fr > 0))
			return fabs(fs) < fabs(fr) ? s : r;
		r = s, fr = fs;
	}
	return r;
}

static double outward(double (*f)(double, void *), void *params, double x0,
		      double step, int rising, int unit)
{
	x0 = fmin(fmax(x0, XMIN), XMAX(unit));
	double u = unit ? log(x0) - log1p(-x0) : log(x0);
	double umin = log(XMIN), umax = unit ? -log(DBL_EPSILON / 2) : log(DBL_MAX);
	double fin = f(x0, params), xin = x0;
	if (fin == 0 || isnan(fin))
		return fin == 0 ? x0 : NAN;
	double dir = (fin > 0) == (rising != 0) ? -1 : 1;  /* towards the root */
	for (;;) {
		double uout = fmin(fmax(u + dir * step, umin), umax);
		double xout = uout == umin ? XMIN : uout == umax ? XMAX(unit) :
			      from_u(uout, unit);
		double fout = f(xout, params);
		if (isnan(fout))
			return NAN;
		if (fout == 0)
			return xout;
		if ((fout > 0) != (fin > 0)) {
			double r = dsp_root(f, params, fmin(xin, xout), fmax(xin, xout),
					    0, 2 * DBL_EPSILON);
			return isnan(r) ? r : polish(f, params, r, rising, unit);
		}
		if (uout == umin || uout == umax)
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
