/*
 * alternative.c - tests and intervals under --alternative (see
 * alternative.h for the rules each method follows).
 */
#include "alternative.h"
#include "dsp.h"
#include "table.h"

#include <gsl/gsl_cdf.h>

#include <math.h>
#include <string.h>

static const char *const NAMES[] = {"two-sided", "greater", "less"};

const char *dsp_alt_name(dsp_alternative a)
{
	return a >= DSP_TWO_SIDED && a <= DSP_LESS ? NAMES[a] : NULL;
}

int dsp_alt_parse(const char *name, dsp_alternative *a)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(name, NAMES[i]) == 0) {
			*a = (dsp_alternative)i;
			return 0;
		}
	return -1;
}

dsp_test_fn dsp_greater_of(const dsp_method *test, const dsp_method *ratio)
{
	if ((test->flags & DSP_COMPANION) && ratio && ratio->score)
		return ratio->score_greater;
	return test->greater;
}

int dsp_alt_test(dsp_test_fn two, dsp_test_fn greater, dsp_alternative a,
		 double x1, double n1, double x2, double n2, double *p)
{
	if (a == DSP_TWO_SIDED)
		return two(x1, n1, x2, n2, p);
	if (!greater || (a != DSP_GREATER && a != DSP_LESS))
		return dsp_ret(p, NAN, DSP_EDOM);
	return a == DSP_GREATER ? greater(x1, n1, x2, n2, p) : greater(x2, n2, x1, n1, p);
}

const dsp_method *dsp_one_sided_of(const dsp_kind *k, const dsp_method *m)
{
	const dsp_method *o = m->one_sided ? dsp_method_find(k->methods, m->one_sided) : m;
	return o ? o : m;
}

/* The ends of the range of what kind k estimates. */
static void limits(const dsp_kind *k, double *lo, double *hi)
{
	*lo = k->quantity == DSP_DIFFERENCE ? -1 : 0;
	*hi = k->quantity == DSP_PROPORTION || k->quantity == DSP_DIFFERENCE ? 1 : INFINITY;
}

int dsp_alt_interval(const dsp_kind *k, const dsp_method *m, dsp_alternative a,
		     double x1, double n1, double x2, double n2, double level,
		     double *lo, double *hi)
{
	int one = k->shape == DSP_ONE;
	if (a == DSP_TWO_SIDED)
		return one ? m->fn.ci(x1, n1, level, lo, hi) :
			     m->fn.ratio(x1, n1, x2, n2, level, lo, hi);
	*lo = *hi = NAN;
	if (!(level > 0.5 && level < 1) || (a != DSP_GREATER && a != DSP_LESS) ||
	    (k->shape != DSP_ONE && k->shape != DSP_PAIR))
		return DSP_EDOM;
	const dsp_method *o = dsp_one_sided_of(k, m);
	double l, h, two = 2 * level - 1;
	int rc = one ? o->fn.ci(x1, n1, two, &l, &h) :
		       o->fn.ratio(x1, n1, x2, n2, two, &l, &h);
	if (rc != DSP_OK && rc != DSP_ENOCONV)
		return rc;
	limits(k, lo, hi);
	if (a == DSP_GREATER)
		*lo = l;
	else
		*hi = h;
	return rc;
}

dsp_strata_test_fn dsp_sgreater_of(const dsp_method *test, const dsp_method *ratio)
{
	if ((test->flags & DSP_COMPANION) && ratio && ratio->sscore)
		return ratio->sscore_greater;
	return test->sgreater;
}

int dsp_alt_stest(dsp_strata_test_fn two, dsp_strata_test_fn sgreater, dsp_alternative a,
		  const dsp_strata *s, double *p)
{
	if (a == DSP_TWO_SIDED)
		return two(s, p);
	if (!sgreater || (a != DSP_GREATER && a != DSP_LESS))
		return dsp_ret(p, NAN, DSP_EDOM);
	dsp_strata w = *s;
	if (a == DSP_LESS) {
		w.x1 = s->x2, w.n1 = s->n2;
		w.x2 = s->x1, w.n2 = s->n1;
	}
	return sgreater(&w, p);
}

int dsp_alt_strata(const dsp_kind *k, const dsp_method *m, dsp_alternative a,
		   const dsp_strata *s, double level, double *lo, double *hi)
{
	if (a == DSP_TWO_SIDED)
		return m->fn.strata(s, level, lo, hi);
	*lo = *hi = NAN;
	if (!(level > 0.5 && level < 1) || (a != DSP_GREATER && a != DSP_LESS) ||
	    k->shape != DSP_STRATA)
		return DSP_EDOM;
	double l, h;
	int rc = m->fn.strata(s, 2 * level - 1, &l, &h);
	if (rc != DSP_OK && rc != DSP_ENOCONV)
		return rc;
	limits(k, lo, hi);
	if (a == DSP_GREATER)
		*lo = l;
	else
		*hi = h;
	return rc;
}

void dsp_kt_trend_alt(struct dsp_ktest *r, dsp_alternative a)
{
	if (a == DSP_TWO_SIDED || r->how != DSP_KT_ASYMPTOTIC)
		return;
	double z = r->direction * sqrt(r->stat);
	r->p = gsl_cdf_ugaussian_Q(a == DSP_GREATER ? z : -z);
}
