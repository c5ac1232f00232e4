/*
 * plotfunnel.c - the funnel chart (see plotfunnel.h).
 *
 * The unit table is disp-funnel's: a unit column, the size (total, or
 * expected with -x), the rate (or ratio), target, and lo_P, hi_P, out_P for
 * each level P in percent; method and overdispersion caption the chart.
 * Points are coloured by the widest level they fall outside, and those
 * outside are labelled (the MAXLAB smallest p when more are).
 */
#include "plotfunnel.h"
#include "csvin.h"
#include "err.h"
#include "gnuplot.h"
#include "num.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXLEV 8
#define MAXLAB 30

struct unit {
	char *name;
	double size, rate, p;
	int out;             /* the widest level it is outside + 1; 0 within */
};

/* Columns of a level: its label ("95") and where lo_, hi_, out_ are. */
struct level {
	char *label;
	double value;
	long lo, hi, out;    /* in the unit table */
	long llo, lhi;       /* in the limits table */
};

struct funnel {
	const plotfunnel_opts *o;
	long gi, si, ri, ti, pi, mi, di, phi, tau2;
	char *unitcol, *sizecol, *ratecol, *method, *disp;
	double target, phi_v, tau2_v;
	struct level lev[MAXLEV];
	size_t nlev;
	struct unit *u;
	size_t n, cap, undrawn;
	/* The curves: sizes and each level's lo, hi. */
	double *cs, *clo[MAXLEV], *chi[MAXLEV];
	size_t nc, ccap;
	long lsi;            /* the limits table's size column */
	const csvin_row *hdr[2];  /* the unit and limits tables' headers */
};

/* The first of two names a header has: the size and rate columns. */
static long either(const csvin_row *h, const char *a, const char *b, char **name)
{
	long i = csvin_find(h, a), j = csvin_find(h, b);
	if (i < 0 && j < 0) {
		char msg[200];
		snprintf(msg, sizeof msg, "no column '%s' or '%s': a funnel chart draws "
			 "disp-funnel's output", a, b);
		err_data(h->file, 1, NULL, msg, NULL);
	}
	*name = xstrdup(i >= 0 ? a : b);
	return i >= 0 ? i : j;
}

static int by_value(const void *a, const void *b)
{
	const struct level *x = a, *y = b;
	return (x->value > y->value) - (x->value < y->value);
}

static int unit_header(void *ctx, const csvin_row *h)
{
	struct funnel *f = ctx;
	if (h->nf == 0)
		err_data(h->file, 1, NULL, "no header row (empty input)", NULL);
	f->hdr[0] = h;
	f->gi = f->o->gcol ? (long)csvin_column(h, f->o->gcol) : 0;
	f->unitcol = xstrdup(h->f[f->gi]);
	f->si = either(h, "total", "expected", &f->sizecol);
	f->ri = either(h, "rate", "ratio", &f->ratecol);
	f->ti = (long)csvin_column(h, "target");
	f->pi = csvin_find(h, "p");
	f->mi = csvin_find(h, "method");
	f->di = csvin_find(h, "overdispersion");
	f->phi = csvin_find(h, "phi");
	f->tau2 = csvin_find(h, "tau2");
	for (size_t i = 0; i < h->nf; i++) {
		const char *c = h->f[i];
		if (strncmp(c, "lo_", 3) != 0)
			continue;
		char name[300];
		snprintf(name, sizeof name, "hi_%s", c + 3);
		long hi = csvin_find(h, name);
		snprintf(name, sizeof name, "out_%s", c + 3);
		long out = csvin_find(h, name);
		double v;
		if (hi < 0 || out < 0 || num_parse_double(c + 3, &v))
			continue;
		if (f->nlev == MAXLEV)
			err_data(h->file, 1, c, "more than 8 levels of limits", NULL);
		f->lev[f->nlev++] = (struct level){xstrdup(c + 3), v, (long)i, hi, out, -1, -1};
	}
	if (f->nlev == 0)
		err_data(h->file, 1, NULL, "no limits (lo_P, hi_P and out_P columns): "
			 "a funnel chart draws disp-funnel's output", NULL);
	qsort(f->lev, f->nlev, sizeof *f->lev, by_value);
	return 0;
}

/* Cell i of a row of table t (0 units, 1 limits) as a number. */
static double tcell(const struct funnel *f, int t, const csvin_row *r, long i)
{
	return csvin_number(r, i, i >= 0 ? f->hdr[t]->f[i] : NULL);
}

/* Room for one more curve point. */
static void curve_grow(struct funnel *f)
{
	if (f->nc < f->ccap)
		return;
	f->ccap = f->ccap ? 2 * f->ccap : 64;
	f->cs = xrealloc(f->cs, f->ccap * sizeof *f->cs);
	for (size_t k = 0; k < f->nlev; k++) {
		f->clo[k] = xrealloc(f->clo[k], f->ccap * sizeof **f->clo);
		f->chi[k] = xrealloc(f->chi[k], f->ccap * sizeof **f->chi);
	}
}

static int unit_row(void *ctx, const csvin_row *r)
{
	struct funnel *f = ctx;
	double size = tcell(f, 0, r, f->si), rate = tcell(f, 0, r, f->ri);
	double t = tcell(f, 0, r, f->ti);
	if (isnan(f->target) && isfinite(t)) {
		f->target = t;
		f->phi_v = tcell(f, 0, r, f->phi), f->tau2_v = tcell(f, 0, r, f->tau2);
		f->method = xstrdup(f->mi >= 0 ? r->f[f->mi] : "");
		f->disp = xstrdup(f->di >= 0 ? r->f[f->di] : "");
	}
	if (!(isfinite(size) && size > 0 && isfinite(rate))) {
		f->undrawn++;   /* a total of 0: no rate to draw; the title says so */
		return 0;
	}
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 64;
		f->u = xrealloc(f->u, f->cap * sizeof *f->u);
	}
	struct unit *u = &f->u[f->n++];
	*u = (struct unit){xstrdup(r->f[f->gi]), size, rate, tcell(f, 0, r, f->pi), 0};
	for (size_t k = 0; k < f->nlev; k++) {
		double out = tcell(f, 0, r, f->lev[k].out);
		if (out != 0 && !isnan(out))
			u->out = (int)k + 1;
	}
	if (!f->o->limits) {   /* the curves through the units' own limits */
		curve_grow(f);
		f->cs[f->nc] = size;
		for (size_t k = 0; k < f->nlev; k++) {
			f->clo[k][f->nc] = tcell(f, 0, r, f->lev[k].lo);
			f->chi[k][f->nc] = tcell(f, 0, r, f->lev[k].hi);
		}
		f->nc++;
	}
	return 0;
}

static int limits_header(void *ctx, const csvin_row *h)
{
	struct funnel *f = ctx;
	if (h->nf == 0)
		err_data(h->file, 1, NULL, "no header row (empty input)", NULL);
	f->hdr[1] = h;
	f->lsi = (long)csvin_column(h, f->sizecol);
	for (size_t k = 0; k < f->nlev; k++) {
		char name[300];
		snprintf(name, sizeof name, "lo_%s", f->lev[k].label);
		f->lev[k].llo = (long)csvin_column(h, name);
		snprintf(name, sizeof name, "hi_%s", f->lev[k].label);
		f->lev[k].lhi = (long)csvin_column(h, name);
	}
	return 0;
}

static int limits_row(void *ctx, const csvin_row *r)
{
	struct funnel *f = ctx;
	curve_grow(f);
	f->cs[f->nc] = tcell(f, 1, r, f->lsi);
	for (size_t k = 0; k < f->nlev; k++) {
		f->clo[k][f->nc] = tcell(f, 1, r, f->lev[k].llo);
		f->chi[k][f->nc] = tcell(f, 1, r, f->lev[k].lhi);
	}
	f->nc++;
	return 0;
}

/* Curve points in order of size (the units' own limits come in input
 * order), ties in input order. */
struct point {
	double size;
	size_t i;
};

static int by_size(const void *a, const void *b)
{
	const struct point *x = a, *y = b;
	if (x->size != y->size)
		return (x->size > y->size) - (x->size < y->size);
	return (x->i > y->i) - (x->i < y->i);
}

static size_t *curve_order(const struct funnel *f)
{
	struct point *pt = xmalloc((f->nc ? f->nc : 1) * sizeof *pt);
	size_t *ix = xmalloc((f->nc ? f->nc : 1) * sizeof *ix);
	for (size_t i = 0; i < f->nc; i++)
		pt[i] = (struct point){f->cs[i], i};
	qsort(pt, f->nc, sizeof *pt, by_size);
	for (size_t i = 0; i < f->nc; i++)
		ix[i] = pt[i].i;
	free(pt);
	return ix;
}

static int by_p(const void *a, const void *b)
{
	const struct unit *x = *(struct unit *const *)a, *y = *(struct unit *const *)b;
	if (x->out != y->out)
		return y->out - x->out;
	double p = isnan(x->p) ? 2 : x->p, q = isnan(y->p) ? 2 : y->p;
	return (p > q) - (p < q);
}

/* Low and high of v over finite values, scaled by s. */
static void widen(double v, double s, double *lo, double *hi)
{
	if (isfinite(v))
		*lo = v * s < *lo ? v * s : *lo, *hi = v * s > *hi ? v * s : *hi;
}

static void caption(char *buf, size_t size, const struct funnel *f, double per)
{
	char t[32], d[64] = "no over-dispersion", m[48] = "";
	if (strcmp(f->disp, "multiplicative") == 0)
		snprintf(d, sizeof d, "multiplicative over-dispersion, phi %s",
			 gp_short_num(t, f->phi_v < 1 ? 1 : f->phi_v));
	else if (strcmp(f->disp, "additive") == 0)
		snprintf(d, sizeof d, "additive over-dispersion, tau2 %s",
			 gp_short_num(t, f->tau2_v));
	if (*f->method)
		snprintf(m, sizeof m, "%s limits; ", f->method);
	snprintf(buf, size, "%s of each %s against the target %s (%s%s)", f->ratecol,
		 f->unitcol, gp_short_num(t, f->target * per), m, d);
}

static void draw(FILE *fp, struct funnel *f)
{
	const plotfunnel_opts *o = f->o;
	double per = o->per > 0 ? o->per : 1;
	double xa = INFINITY, xb = 0, ya = f->target * per, yb = ya;
	for (size_t i = 0; i < f->n; i++) {
		widen(f->u[i].size, 1, &xa, &xb);
		widen(f->u[i].rate, per, &ya, &yb);
	}
	for (size_t i = 0; i < f->nc; i++)
		for (size_t k = 0; k < f->nlev; k++)
			widen(f->clo[k][i], per, &ya, &yb), widen(f->chi[k][i], per, &ya, &yb);
	int log = xb / xa >= 20;
	if (log)
		xa /= 1.15, xb *= 1.15;
	else {
		double m = (xb - xa) * 0.05;
		m = m > 0 ? m : xa * 0.1;
		xa = xa - m > 0 ? xa - m : 0, xb += m;
	}
	double m = (yb - ya) * 0.06;
	m = m > 0 ? m : (ya > 0 ? ya * 0.1 : 1);
	int nonneg = ya >= 0;
	ya -= m, yb += m;
	if (nonneg && ya < 0)
		ya = 0;

	char title[600], tail[160] = "", lab[300];
	caption(title, sizeof title, f, per);
	size_t nout = 0;
	for (size_t i = 0; i < f->n; i++)
		nout += f->u[i].out > 0;
	int n = 0;
	if (nout > MAXLAB)
		n = snprintf(tail, sizeof tail, "; labelled: the %d with the smallest p of %zu "
			     "outside", MAXLAB, nout);
	if (f->undrawn && n >= 0 && (size_t)n < sizeof tail)
		snprintf(tail + n, sizeof tail - (size_t)n, "; not drawn: %zu with %s 0",
			 f->undrawn, f->sizecol);
	strncat(title, tail, sizeof title - strlen(title) - 1);

	fputs("# disp-plot: a funnel chart of disp-funnel's units, data inline; run it "
	      "with gnuplot.\n", fp);
	gp_terminal(fp, o->out ? gp_format_of(o->out) : o->format, o->width ? o->width : 900,
		    600, o->out);
	fputs("set title ", fp);
	gp_string_wrapped(fp, o->title ? o->title : title, 70);
	snprintf(lab, sizeof lab, "%s%s", f->sizecol, log ? " (log scale)" : "");
	fputs("\nset xlabel ", fp);
	gp_string(fp, o->xlabel ? o->xlabel : lab);
	if (per != 1)
		snprintf(lab, sizeof lab, "%s per %g", f->ratecol, per);
	else
		snprintf(lab, sizeof lab, "%s", f->ratecol);
	fputs("\nset ylabel ", fp);
	gp_string(fp, lab);
	fputs("\nset key outside right top\nset border 3\nset grid lc rgb \"#dddddd\"\n"
	      "set ytics nomirror\n", fp);
	if (log) {
		fputs("set logscale x\n", fp);
		gp_log_tics(fp, "x", xa, xb);
	} else {
		fputs("set xtics nomirror\n", fp);
	}
	fprintf(fp, "set xrange [%.15g:%.15g]\nset yrange [%.15g:%.15g]\n", xa, xb, ya, yb);

	/* The curves: size, then lo and hi of each level (NaN where a unit has
	 * none: gnuplot leaves a gap). */
	size_t *ix = curve_order(f);
	fputs("$limits << EOD\n", fp);
	for (size_t j = 0; j < f->nc; j++) {
		size_t i = ix[j];
		fprintf(fp, "%.15g", f->cs[i]);
		for (size_t k = 0; k < f->nlev; k++)
			fprintf(fp, " %.15g %.15g", f->clo[k][i] * per, f->chi[k][i] * per);
		fputs("\n", fp);
	}
	fputs("EOD\n", fp);
	free(ix);
	/* The points by the widest level they are outside: 0 within. */
	for (size_t k = 0; k <= f->nlev; k++) {
		fprintf(fp, "$out%zu << EOD\n", k);
		for (size_t i = 0; i < f->n; i++)
			if (f->u[i].out == (int)k)
				fprintf(fp, "%.15g %.15g\n", f->u[i].size, f->u[i].rate * per);
		fputs("EOD\n", fp);
	}
	struct unit **lab_u = xmalloc((nout ? nout : 1) * sizeof *lab_u);
	size_t nl = 0;
	for (size_t i = 0; i < f->n; i++)
		if (f->u[i].out)
			lab_u[nl++] = &f->u[i];
	qsort(lab_u, nl, sizeof *lab_u, by_p);
	fputs("$labels << EOD\n", fp);
	for (size_t i = 0; i < nl && i < MAXLAB; i++) {
		fprintf(fp, "%.15g %.15g ", lab_u[i]->size, lab_u[i]->rate * per);
		gp_string(fp, lab_u[i]->name);
		fputs("\n", fp);
	}
	fputs("EOD\n", fp);
	free(lab_u);

	char t[32];
	fprintf(fp, "plot %.15g with lines lw 2 lc rgb \"%s\" title ", f->target * per,
		gp_palette[7]);
	snprintf(lab, sizeof lab, "target %s", gp_short_num(t, f->target * per));
	gp_string(fp, lab);
	for (size_t k = 0; k < f->nlev; k++) {
		int dt = k + 1 == f->nlev ? 1 : k == 0 ? 2 : 3;
		snprintf(lab, sizeof lab, "%s%% limits", f->lev[k].label);
		fprintf(fp, ", \\\n     $limits using 1:%zu with lines lw 1.5 dt %d lc rgb "
			"\"#666666\" title ", 2 * k + 2, dt);
		gp_string(fp, lab);
		fprintf(fp, ", \\\n     $limits using 1:%zu with lines lw 1.5 dt %d lc rgb "
			"\"#666666\" notitle", 2 * k + 3, dt);
	}
	for (size_t k = 0; k <= f->nlev; k++) {
		size_t c = 0;
		for (size_t i = 0; i < f->n; i++)
			c += f->u[i].out == (int)k;
		if (!c)
			continue;   /* an empty block makes gnuplot warn */
		const char *col = k == 0 ? gp_palette[0] : k == f->nlev ? gp_palette[1] :
				  gp_palette[3];
		if (k == 0)
			snprintf(lab, sizeof lab, "within (%zu)", c);
		else
			snprintf(lab, sizeof lab, "outside %s%% (%zu)", f->lev[k - 1].label, c);
		fprintf(fp, ", \\\n     $out%zu using 1:2 with points pt 7 ps 1.1 lc rgb \"%s\" "
			"title ", k, col);
		gp_string(fp, lab);
	}
	if (nl)
		fputs(", \\\n     $labels using 1:2:3 with labels left offset char 0.7,0.4 "
		      "font \",9\" notitle", fp);
	fputs("\n", fp);
}

void plot_funnel(FILE *fp, const plotfunnel_opts *o, char *const *files, int nfiles)
{
	struct funnel f = {.o = o, .target = NAN};
	csvin_read(files, nfiles, o->delim, unit_header, unit_row, &f);
	if (f.n == 0)
		err_die(EX_DATA, "no units to draw (none with a size above 0)");
	if (isnan(f.target))
		err_die(EX_DATA, "no target: the column 'target' has no number");
	if (o->limits) {
		char *l[] = {(char *)o->limits};
		csvin_read(l, 1, o->delim, limits_header, limits_row, &f);
	}
	draw(fp, &f);
	for (size_t i = 0; i < f.n; i++)
		free(f.u[i].name);
	for (size_t k = 0; k < f.nlev; k++)
		free(f.lev[k].label), free(f.clo[k]), free(f.chi[k]);
	free(f.u), free(f.cs), free(f.unitcol), free(f.sizecol), free(f.ratecol);
	free(f.method), free(f.disp);
}
