/*
 * disp-funnel - units (boroughs, forces, years) against a target: each
 * unit's rate, z-score and p-value, and whether it lies outside the
 * funnel plot's control limits at its size (Spiegelhalter 2005); or, with
 * --limits, the limits over the range of sizes, for drawing.
 *
 * The counts table is read whole (one row per unit, so memory follows the
 * number of units), because the pooled target and the over-dispersion
 * come from every unit; then every row is computed, and only then written,
 * so that a unit beyond a method's limit leaves no partial table.
 */
#include "counts.h"
#include "err.h"
#include "methodopt.h"
#include "num.h"
#include "opts.h"
#include "writer.h"

#include "dsp.h"
#include "funnel.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { O_TARGET = 256, O_LEVELS, O_METHOD, O_OD, O_WINSOR, O_LIMITS, O_POINTS,
       O_METHODS };

static const opt_def OPTS[] = {
	{"group", 'g', "COL", "unit column (default: the first column)"},
	{"events", 'e', "COL", "events column (default: events)"},
	{"total", 'n', "COL", "total column (default: total)"},
	{"expected", 'x', "COL", "expected counts COL (> 0) instead of a total: the\n"
				 "rate is observed/expected, Poisson"},
	{"target", O_TARGET, "T", "the target rate (default: the pooled rate, all\n"
				  "events over all totals or expected)"},
	{"levels", O_LEVELS, "L,L...", "levels of the limits (default: 0.95,0.998)"},
	{"method", O_METHOD, "M", "control limits"},
	{"overdispersion", O_OD, "M", "over-dispersion: none, multiplicative or additive"},
	{"winsor", O_WINSOR, "F", "fraction of z-scores winsorised at each end for phi\n"
				  "(default: 0.1)"},
	{"limits", O_LIMITS, NULL, "write the limits over the range of sizes instead"},
	{"points", O_POINTS, "N", "sizes in the --limits table, 2-100000 (default: 200)"},
	{"methods", O_METHODS, NULL, "list every method with its citation, as CSV"},
	{NULL, 0, NULL, NULL}};

static void more_help(FILE *fp)
{
	mo_help_kinds(fp, dsp_funnel_kinds);
}

static const opt_spec SPEC = {
	"[OPTION]... [FILE]...",
	"Funnel plot of units against a target: each unit's rate, z-score, p-value\n"
	"and control limits at its size, from a table of counts by unit (CSV with a\n"
	"header; stdin when no FILE).\n",
	OPTS, OPT_DELIM | OPT_DIGITS | OPT_PRETTY, more_help};

#define MAXLEVEL 8

struct opts {
	const char *gcol, *ecol, *ncol, *xcol, *method, *od;
	double target;   /* NaN: pooled */
	double level[MAXLEVEL];
	char label[MAXLEVEL][32];
	size_t nlevel;
	double winsor;
	int limits;
	int points;
};

/* "0.95,0.998" -> levels and their labels in column names ("95", "99.8"). */
static void parse_levels(struct opts *o, const char *arg)
{
	char *list = xstrdup(arg);
	o->nlevel = 0;
	for (char *p = list, *end;; p = end + 1) {
		end = p + strcspn(p, ",");
		int last = *end == '\0';
		*end = '\0';
		double l;
		if (num_parse_double(p, &l) || !(l > 0 && l < 1))
			err_usage("--levels: each level must be a number in (0, 1): '%s'",
				  err_show(p));
		if (o->nlevel == MAXLEVEL)
			err_usage("--levels: at most %d levels", MAXLEVEL);
		char *lab = o->label[o->nlevel];
		snprintf(lab, sizeof o->label[0], "%.10g", 100 * l);
		for (size_t j = 0; j < o->nlevel; j++)
			if (strcmp(o->label[j], lab) == 0)
				err_usage("--levels: level %s%% is given twice", lab);
		o->level[o->nlevel++] = l;
		if (last)
			break;
	}
	free(list);
}

static void on_opt(void *ctx, int key, char *arg)
{
	struct opts *o = ctx;
	switch (key) {
	case 'g': o->gcol = arg; break;
	case 'e': o->ecol = arg; break;
	case 'n': o->ncol = arg; break;
	case 'x': o->xcol = arg; break;
	case O_TARGET:
		if (num_parse_double(arg, &o->target) || !(o->target >= 0))
			err_usage("--target must be a number >= 0: '%s'", err_show(arg));
		break;
	case O_LEVELS: parse_levels(o, arg); break;
	case O_METHOD: o->method = arg; break;
	case O_OD: o->od = arg; break;
	case O_WINSOR:
		if (num_parse_double(arg, &o->winsor) || !(o->winsor >= 0 && o->winsor < 0.5))
			err_usage("--winsor must be a number in [0, 0.5): '%s'", err_show(arg));
		break;
	case O_LIMITS: o->limits = 1; break;
	case O_POINTS:
		if (num_parse_int(arg, 2, 100000, &o->points))
			err_usage("--points must be an integer from 2 to 100000: '%s'",
				  err_show(arg));
		break;
	case O_METHODS:
		mo_list_kinds(stdout, dsp_funnel_kinds);
		opt_close_stdout();
		err_exit(0);
	}
}

/* The run: the model, its methods and what they estimated. */
struct run {
	const dsp_kind *klim, *kod;
	const dsp_method *mlim, *mod;
	dsp_funnel f;
	double phi_hat, tau2_hat;   /* the estimates, reported whatever is used */
	const struct opts *o;
};

/* A unit's size: its total, or its expected count. */
static double size_of(const struct run *r, const counts_group *g)
{
	return r->f.poisson ? g->exposure : (double)g->total;
}

static void set_target(struct run *r, const counts_table *t)
{
	if (!isnan(r->o->target)) {
		if (!r->f.poisson && r->o->target > 1)
			err_usage("--target must be at most 1 for proportions (without "
				  "-x): '%g'", r->o->target);
		r->f.target = r->o->target;
		return;
	}
	/* Sums in long double: each count is at most 2^53, their sum may not be. */
	long double x = 0, n = 0;
	for (size_t i = 0; i < t->n; i++)
		x += (long double)t->g[i].events, n += (long double)size_of(r, &t->g[i]);
	if (!(n > 0))
		err_die(EX_DATA, "no unit has a positive total: the pooled target is "
			"undefined (give --target)");
	r->f.target = (double)(x / n);
}

/*
 * The over-dispersion: the z-scores of the units without it, their
 * weights 1/v, the estimates (phi and tau2, each NaN where it cannot be
 * estimated) and the values the limits use, from the chosen method.
 */
static void set_dispersion(struct run *r, const counts_table *t)
{
	dsp_funnel raw = r->f;
	raw.phi = 1, raw.tau2 = 0;
	double *z = xmalloc((t->n ? t->n : 1) * sizeof *z);
	double *w = xmalloc((t->n ? t->n : 1) * sizeof *w);
	size_t k = 0;
	int finite = 1;
	for (size_t i = 0; i < t->n; i++) {
		double n = size_of(r, &t->g[i]);
		if (!(n > 0))
			continue;   /* a total of 0 has no rate */
		z[k] = dsp_funnel_z(&raw, (double)t->g[i].events, n);
		w[k] = 1 / dsp_funnel_var(&raw, n);
		finite &= isfinite(z[k]) && isfinite(w[k]);
		k++;
	}
	r->phi_hat = r->tau2_hat = NAN;
	if (finite && k >= 1 && dsp_funnel_phi(k, z, r->o->winsor, &r->phi_hat) == DSP_OK &&
	    k >= 2)
		dsp_funnel_tau2(k, w, r->phi_hat, &r->tau2_hat);
	if (r->mod->fn.disp != dsp_disp_none) {
		if (!finite)
			err_die(EX_DATA, "--overdispersion %s: the rates have no variance at "
				"a target of %g (%s)", r->mod->name, r->f.target,
				r->f.poisson ? "it must be above 0" :
				"it must be strictly between 0 and 1");
		if (r->mod->fn.disp == dsp_disp_additive && k < 2)
			err_die(EX_DATA, "--overdispersion additive needs at least two units "
				"with a positive total");
	}
	int rc = r->mod->fn.disp(k, z, w, r->o->winsor, &r->f.phi, &r->f.tau2);
	mo_check(rc, r->kod, r->mod, "unit", "(all)");
	if (rc != DSP_OK)
		err_die(EX_DATA, "--overdispersion %s: cannot be estimated", r->mod->name);
	free(z), free(w);
}

/* One unit's numbers; limits at each level, and -1/0/1 below/in/above. */
struct row {
	double z, p, lo[MAXLEVEL], hi[MAXLEVEL];
	int out[MAXLEVEL];
	int none;   /* a total of 0: no rate */
};

static void compute(const struct run *r, const counts_group *g, struct row *v)
{
	double x = (double)g->events, n = size_of(r, g);
	v->none = !(n > 0);
	v->z = v->p = NAN;
	if (v->none)
		return;
	v->z = dsp_funnel_z(&r->f, x, n);
	for (size_t l = 0; l < r->o->nlevel; l++) {
		double p;
		int rc = r->mlim->fn.funnel(&r->f, x, n, r->o->level[l], &v->lo[l],
					    &v->hi[l], &p);
		mo_check(rc, r->klim, r->mlim, "unit", g->key[0]);
		if (rc == DSP_EDOM)
			err_die(EX_DATA, "--method %s: no limits for unit '%s'", r->mlim->name,
				err_show(g->key[0]));
		if (l == 0)
			v->p = p;
		double y = x / n;
		v->out[l] = y < v->lo[l] ? -1 : y > v->hi[l];
	}
}

/* The columns after the unit's own: per level lo_L, hi_L (and, for units,
 * out_L), then the run's estimates and choices. */
static size_t level_cols(const struct run *r, wr_col *c, char names[][40], int out)
{
	size_t n = 0;
	for (size_t l = 0; l < r->o->nlevel; l++) {
		snprintf(names[3 * l], 40, "lo_%s", r->o->label[l]);
		snprintf(names[3 * l + 1], 40, "hi_%s", r->o->label[l]);
		snprintf(names[3 * l + 2], 40, "out_%s", r->o->label[l]);
		c[n++] = (wr_col){names[3 * l], WR_NUM};
		c[n++] = (wr_col){names[3 * l + 1], WR_NUM};
		if (out)
			c[n++] = (wr_col){names[3 * l + 2], WR_NUM};
	}
	c[n++] = (wr_col){"phi", WR_NUM};
	c[n++] = (wr_col){"tau2", WR_NUM};
	c[n++] = (wr_col){"overdispersion", WR_TEXT};
	c[n++] = (wr_col){"method", WR_TEXT};
	return n;
}

static void write_run(wr_table *w, const struct run *r)
{
	wr_num(w, r->phi_hat);
	wr_num(w, r->tau2_hat);
	wr_str(w, r->mod->name);
	wr_str(w, r->mlim->name);
}

static void write_units(const struct run *r, const counts_table *t, const wr_opts *wo)
{
	struct row *v = xmalloc(t->n * sizeof *v);
	for (size_t i = 0; i < t->n; i++)
		compute(r, &t->g[i], &v[i]);
	wr_col cols[7 + 3 * MAXLEVEL + 4];
	char names[3 * MAXLEVEL][40];
	size_t nc = 0;
	cols[nc++] = (wr_col){t->keyname[0], WR_TEXT};
	cols[nc++] = (wr_col){"events", WR_NUM};
	cols[nc++] = (wr_col){r->f.poisson ? "expected" : "total", WR_NUM};
	cols[nc++] = (wr_col){r->f.poisson ? "ratio" : "rate", WR_NUM};
	cols[nc++] = (wr_col){"target", WR_NUM};
	cols[nc++] = (wr_col){"z", WR_NUM};
	cols[nc++] = (wr_col){"p", WR_NUM};
	nc += level_cols(r, cols + nc, names, 1);
	wr_table *w = wr_begin(stdout, wo, cols, nc);
	for (size_t i = 0; i < t->n; i++) {
		const counts_group *g = &t->g[i];
		double n = size_of(r, g);
		wr_text(w, g->key[0], g->klen[0]);
		wr_int(w, g->events);
		if (!r->f.poisson)
			wr_int(w, g->total);
		else if (g->exposure_text)
			wr_str(w, g->exposure_text);
		else
			wr_num(w, g->exposure);
		wr_num(w, v[i].none ? NAN : (double)g->events / n);
		wr_num(w, r->f.target);
		wr_num(w, v[i].z);
		wr_num(w, v[i].p);
		for (size_t l = 0; l < r->o->nlevel; l++) {
			if (v[i].none) {
				wr_empty(w), wr_empty(w), wr_empty(w);
				continue;
			}
			wr_num(w, v[i].lo[l]);
			wr_num(w, v[i].hi[l]);
			wr_int(w, v[i].out[l]);
		}
		write_run(w, r);
		wr_end_row(w);
	}
	wr_finish(w);
	free(v);
}

/* The limits over the sizes from the smallest unit's to the largest's. */
static void write_limits(const struct run *r, const counts_table *t, const wr_opts *wo)
{
	double lo = INFINITY, hi = 0;
	for (size_t i = 0; i < t->n; i++) {
		double n = size_of(r, &t->g[i]);
		if (n > 0)
			lo = fmin(lo, n), hi = fmax(hi, n);
	}
	size_t np = (size_t)r->o->points, m = 0;
	double *s = xmalloc(np * sizeof *s);
	if (hi > 0)
		m = dsp_funnel_grid(lo, hi, np, !r->f.poisson, s);
	double *lim = xmalloc((m ? m : 1) * 2 * MAXLEVEL * sizeof *lim);
	for (size_t j = 0; j < m; j++)
		for (size_t l = 0; l < r->o->nlevel; l++) {
			double p, *b = &lim[(j * MAXLEVEL + l) * 2];
			char what[NUM_MAX];
			int rc = r->mlim->fn.funnel(&r->f, NAN, s[j], r->o->level[l], &b[0],
						    &b[1], &p);
			mo_check(rc, r->klim, r->mlim, "size", num_fmt(what, s[j], 17));
			if (rc == DSP_EDOM)
				err_die(EX_DATA, "--method %s: no limits at size %s",
					r->mlim->name, what);
		}
	wr_col cols[2 + 3 * MAXLEVEL + 4];
	char names[3 * MAXLEVEL][40];
	size_t nc = 0;
	cols[nc++] = (wr_col){r->f.poisson ? "expected" : "total", WR_NUM};
	cols[nc++] = (wr_col){"target", WR_NUM};
	nc += level_cols(r, cols + nc, names, 0);
	wr_table *w = wr_begin(stdout, wo, cols, nc);
	for (size_t j = 0; j < m; j++) {
		if (r->f.poisson)
			wr_num(w, s[j]);
		else
			wr_int(w, (int64_t)s[j]);   /* a total: an integer, in full */
		wr_num(w, r->f.target);
		for (size_t l = 0; l < r->o->nlevel; l++)
			wr_num(w, lim[(j * MAXLEVEL + l) * 2]), wr_num(w, lim[(j * MAXLEVEL + l) * 2 + 1]);
		write_run(w, r);
		wr_end_row(w);
	}
	wr_finish(w);
	free(s), free(lim);
}

int main(int argc, char **argv)
{
	struct opts o = {.ecol = "events", .ncol = "total", .target = NAN,
			 .winsor = 0.1, .points = 200};
	parse_levels(&o, "0.95,0.998");
	opt_common c;
	err_init("disp-funnel");
	int first = opt_parse(argc, argv, &SPEC, &c, on_opt, &o);
	struct run r = {.o = &o, .f = {.poisson = o.xcol != NULL, .phi = 1}};
	r.klim = &dsp_funnel_kinds[0];
	r.kod = &dsp_funnel_kinds[1];
	r.mlim = mo_pick(r.klim, o.method);
	r.mod = mo_pick(r.kod, o.od);

	counts_table t = {.nkey = 1, .keycols = &o.gcol, .events = o.ecol,
			  .total = o.ncol, .exposure = o.xcol};
	counts_read(&t, argv + first, argc - first, c.delim);
	if (t.n == 0)
		err_die(EX_DATA, "no units: the input has a header but no rows");
	set_target(&r, &t);
	set_dispersion(&r, &t);

	wr_opts wo = {c.delim, c.pretty, c.digits};
	if (o.limits)
		write_limits(&r, &t, &wo);
	else
		write_units(&r, &t, &wo);
	counts_free(&t);
	opt_close_stdout();
	return 0;
}
