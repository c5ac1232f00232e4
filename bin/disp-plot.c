/*
 * disp-plot - charts of any filter's output, as gnuplot scripts.
 *
 * Reads a table (disp-rate's, say) through the kit, writes a gnuplot
 * script with its data inline, and either prints it (so that `| gnuplot >
 * chart.png` works and a CI job can diff it: the script depends on the
 * input alone) or, with -o, runs gnuplot on it.  KIND is the chart:
 *   forest  each group's estimate and interval (ratios on a log axis)
 *   rates   each group's rate and interval, the reference's as a line
 *   stages  each group's relative rate index at each stage (disp-stages)
 *   funnel  each unit's rate against its size, with the target and the
 *           control limits (disp-funnel; plotfunnel.c)
 */
#include "csvin.h"
#include "err.h"
#include "gnuplot.h"
#include "num.h"
#include "opts.h"
#include "plotfunnel.h"
#include "published.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { O_TITLE = 256, O_XLABEL, O_CLAIM, O_FORMAT, O_PER, O_WIDTH, O_LIMITS };

static const opt_def OPTS[] = {
	{"output", 'o', "FILE", "run gnuplot and write FILE (.png, .svg or .pdf)"},
	{"group", 'g', "COL", "the label column (default: the first column)"},
	{"column", 'c', "COL", "the estimate: COL, COL_lo, COL_hi (forest default: rr,\n"
			       "else rd, else or; rates: rate)"},
	{"title", O_TITLE, "TEXT", "the chart's title"},
	{"xlabel", O_XLABEL, "TEXT", "the axis label (default: from the column)"},
	{"claim", O_CLAIM, "FILE", "forest: mark the published values of a disp-check\n"
				   "output beside the intervals"},
	{"limits", O_LIMITS, "FILE", "funnel: the curves from disp-funnel --limits (default:\n"
				     "joining the units' own limits)"},
	{"per", O_PER, "K", "rates, funnel: multiply rates by K (say 100 for percent)"},
	{"format", O_FORMAT, "F", "without -o: the script's terminal, png (default),\n"
				  "svg or pdf"},
	{"width", O_WIDTH, "PX", "the chart's width in pixels (default: 900)"},
	{NULL, 0, NULL, NULL}};

static const opt_spec SPEC = {
	"KIND [OPTION]... [FILE]...",
	"Charts of a filter's output (KIND: forest, rates, stages, funnel) as a gnuplot\n"
	"script on\n"
	"stdout, or with -o an image drawn by gnuplot.\n",
	OPTS, OPT_DELIM, NULL};

struct opts {
	const char *out, *gcol, *col, *title, *xlabel, *claim, *limits;
	double per;
	int format, width;
};

static void on_opt(void *ctx, int key, char *arg)
{
	struct opts *o = ctx;
	switch (key) {
	case 'o':
		o->out = arg;
		if (gp_format_of(arg) < 0)
			err_usage("-o takes a .png, .svg or .pdf file: '%s'", err_show(arg));
		break;
	case 'g': o->gcol = arg; break;
	case 'c': o->col = arg; break;
	case O_TITLE: o->title = arg; break;
	case O_XLABEL: o->xlabel = arg; break;
	case O_CLAIM: o->claim = arg; break;
	case O_LIMITS: o->limits = arg; break;
	case O_PER:
		if (num_parse_double(arg, &o->per) || !(o->per > 0))
			err_usage("--per must be a positive number: '%s'", err_show(arg));
		break;
	case O_FORMAT:
		if ((o->format = gp_format_named(arg)) < 0)
			err_usage("--format is png, svg or pdf: '%s'", err_show(arg));
		break;
	case O_WIDTH:
		if (num_parse_int(arg, 300, 10000, &o->width))
			err_usage("--width is a number of pixels, 300 to 10000: '%s'",
				  err_show(arg));
		break;
	}
}

/* One row of the chart. */
struct row {
	char *name;
	char *stage;         /* stages: the stage of the row */
	double e, lo, hi, p;
	int ref;
	double claim;        /* a published value to mark (NaN: none) */
	char *claim_text;
};

struct chart {
	const struct opts *o;
	int kind;            /* FOREST or RATES */
	long gi, ei, li, hi, pi, ri, si, ai;
	char *col, *pcol, *refname;
	int alt;             /* the rows' alternatives seen: ALT_ bits */
	struct row *r;
	size_t n, cap;
};

enum { FOREST, RATES, STAGES };

/* The widest axis drawn: gnuplot's range arithmetic stays finite. */
#define AXIS_MAX 1e300
#define AXIS_MIN 1e-300
enum { ALT_TWO = 1, ALT_GREATER = 2, ALT_LESS = 4 };

/* ---- reading ------------------------------------------------------------ */

static long need(const csvin_row *h, const char *name)
{
	return (long)csvin_column(h, name);
}

static int on_header(void *ctx, const csvin_row *h)
{
	struct chart *c = ctx;
	if (h->nf == 0)
		err_data(h->file, 1, NULL, "no header row (empty input)", NULL);
	c->gi = c->o->gcol ? need(h, c->o->gcol) : 0;
	const char *col = c->o->col;
	if (!col && c->kind == RATES)
		col = "rate";
	static const char *const TRY[] = {"rr", "rd", "or"};
	for (size_t i = 0; !col && i < 3; i++)
		if (csvin_find(h, TRY[i]) >= 0)
			col = TRY[i];
	if (!col)
		col = "rr";   /* so that the error names the column wanted */
	c->col = xstrdup(col);
	char name[256];
	c->ei = need(h, col);
	snprintf(name, sizeof name, "%s_lo", col);
	c->li = need(h, name);
	snprintf(name, sizeof name, "%s_hi", col);
	c->hi = need(h, name);
	c->pi = csvin_find(h, "p_adj");
	c->pcol = xstrdup(c->pi >= 0 ? "p_adj" : "p");
	if (c->pi < 0)
		c->pi = csvin_find(h, "p");
	c->ri = csvin_find(h, "ref");
	c->ai = csvin_find(h, "alternative");
	c->si = c->kind == STAGES ? need(h, "stage") : -1;
	return 0;
}

/* A row's `alternative` (disp-rate --alternative) into the chart's: the
 * title says when the bars are one-sided bounds. */
static void note_alternative(struct chart *c, const char *v)
{
	if (*v)
		c->alt |= strcmp(v, "greater") == 0 ? ALT_GREATER
			  : strcmp(v, "less") == 0 ? ALT_LESS : ALT_TWO;
}

/* The title's words for the bars. */
static const char *bars_phrase(const struct chart *c)
{
	if (!(c->alt & (ALT_GREATER | ALT_LESS)))
		return "with intervals";
	if (c->alt & ALT_TWO)
		return "with intervals and one-sided bounds";
	return c->alt == ALT_GREATER ? "with one-sided lower bounds"
	       : c->alt == ALT_LESS ? "with one-sided upper bounds" : "with one-sided bounds";
}

static int on_row(void *ctx, const csvin_row *r)
{
	struct chart *c = ctx;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->r = xrealloc(c->r, c->cap * sizeof *c->r);
	}
	struct row *w = &c->r[c->n++];
	char lo[260], hi[260];
	snprintf(lo, sizeof lo, "%s_lo", c->col);
	snprintf(hi, sizeof hi, "%s_hi", c->col);
	*w = (struct row){xstrdup(r->f[c->gi]), c->si >= 0 ? xstrdup(r->f[c->si]) : NULL,
			  csvin_number(r, c->ei, c->col), csvin_number(r, c->li, lo),
			  csvin_number(r, c->hi, hi), csvin_number(r, c->pi, c->pcol), 0, NAN,
			  NULL};
	if (c->ri >= 0 && !c->refname && *r->f[c->ri])
		c->refname = xstrdup(r->f[c->ri]);
	if (c->ai >= 0)
		note_alternative(c, r->f[c->ai]);
	/* A ratio or a rate is never negative: such a value is not a table we
	 * wrote, and drawn it would be a plausible wrong chart. */
	if (strcmp(c->col, "rd") != 0) {
		const long at[] = {c->ei, c->li, c->hi};
		const double v[] = {w->e, w->lo, w->hi};
		const char *name[] = {c->col, lo, hi};
		for (int k = 0; k < 3; k++)
			if (v[k] < 0)
				err_data(r->file, r->line, name[k], "negative (a ratio or a "
					 "rate cannot be)", r->f[at[k]]);
	}
	return 0;
}

/* Published values from a disp-check output, for the groups of the chart,
 * put on its scale: rr and or as they are, pct_more 1 + v/100, pct_less
 * 1 - v/100, diff v/100 (rd as a fraction). */
struct claims {
	struct chart *c;
	long ki, pi, gi;
};

static int claim_header(void *ctx, const csvin_row *h)
{
	struct claims *k = ctx;
	k->ki = need(h, "kind"), k->pi = need(h, "published"), k->gi = need(h, "group");
	return 0;
}

static int claim_row(void *ctx, const csvin_row *r)
{
	struct claims *k = ctx;
	const char *kind = r->f[k->ki], *col = k->c->col;
	pub_value v;
	if (pub_parse(r->f[k->pi], &v) || v.word || v.n != 1)
		return 0;    /* words and ranges have no one point to mark */
	double x = dsp_decimal_double(v.d[0]);
	if ((strcmp(kind, "rr") == 0 && strcmp(col, "rr") == 0) ||
	    (strcmp(kind, "or") == 0 && strcmp(col, "or") == 0))
		;
	else if (strcmp(kind, "pct_more") == 0 && strcmp(col, "rr") == 0)
		x = 1 + x / 100;
	else if (strcmp(kind, "pct_less") == 0 && strcmp(col, "rr") == 0)
		x = 1 - x / 100;
	else if (strcmp(kind, "diff") == 0 && strcmp(col, "rd") == 0)
		x /= 100;
	else
		return 0;
	for (size_t i = 0; i < k->c->n; i++)
		if (strcmp(k->c->r[i].name, r->f[k->gi]) == 0) {
			k->c->r[i].claim = x;
			free(k->c->r[i].claim_text);
			k->c->r[i].claim_text = xstrdup(r->f[k->pi]);
		}
	return 0;
}

/* ---- scales --------------------------------------------------------------- */

/* Whether the column is a ratio, drawn on a log axis. */
static int is_ratio(const char *col)
{
	return strcmp(col, "rd") != 0 && strcmp(col, "rate") != 0;
}

/* The axis range: every finite bound and estimate, and the null value,
 * with a margin; a log axis only over positive values. */
static void axis_range(const struct chart *c, double null, int log, double *a, double *b)
{
	double lo = null, hi = null;
	for (size_t i = 0; i < c->n; i++) {
		const struct row *r = &c->r[i];
		double v[4] = {r->e, r->lo, r->hi, r->claim};
		for (int k = 0; k < 4; k++)
			if (isfinite(v[k]) && (!log || v[k] > 0)) {
				lo = v[k] < lo ? v[k] : lo;
				hi = v[k] > hi ? v[k] : hi;
			}
	}
	/* Room for the arrows of bounds beyond the axis. */
	int out_lo = 0, out_hi = 0;
	for (size_t i = 0; i < c->n; i++) {
		const struct row *r = &c->r[i];
		out_lo |= r->lo == -INFINITY || (log && r->lo == 0) || r->e == -INFINITY ||
			  (log && r->e == 0);
		out_hi |= r->hi == INFINITY || r->e == INFINITY;
	}
	if (log) {
		double m = pow(hi / lo, 0.08);
		if (m < 1.02)
			m = 1.02;
		*a = lo / (out_lo ? m * m * m : m), *b = hi * (out_hi ? m * m * m : m);
	} else {
		double m = (hi - lo) * 0.08;
		if (m == 0)
			m = fabs(hi) > 0 ? fabs(hi) * 0.1 : 1;
		*a = lo - (out_lo ? 3 * m : m), *b = hi + (out_hi ? 3 * m : m);
		if (c->kind == RATES && lo >= 0)
			*a = 0;
	}
	/* Values near the ends of the doubles: the margins must not take the
	 * axis to 0 or inf, where gnuplot has no range, nor so near them that
	 * its arithmetic on the range overflows. */
	double bot = log ? AXIS_MIN : -AXIS_MAX;
	*a = *a < bot || isnan(*a) ? bot : *a;
	*b = *b > AXIS_MAX || isnan(*b) ? AXIS_MAX : *b;
}

/* ---- charts --------------------------------------------------------------- */

/* The label of row r on the right: "1.37 [1.35, 1.40]  p 3.5e-214". */
static void right_label(char *buf, size_t size, const struct chart *c, const struct row *r)
{
	char e[32], l[32], h[32], p[32];
	if (r->ref) {
		snprintf(buf, size, "%s (reference)", gp_short_num(e, r->e));
		return;
	}
	if (isnan(r->e)) {
		snprintf(buf, size, "not defined (no events to compare)");
		return;
	}
	int n = snprintf(buf, size, "%s [%s, %s]", gp_short_num(e, r->e), gp_short_num(l, r->lo),
			 gp_short_num(h, r->hi));
	if (!isnan(r->p) && n > 0 && (size_t)n < size) {
		if (r->p > 0 && r->p < 1e-4)
			snprintf(p, sizeof p, "%.1e", r->p);
		else
			snprintf(p, sizeof p, "%.2g", r->p);
		snprintf(buf + n, size - (size_t)n, "  %s %s", c->pcol, p);
	}
}

/* A row's y position: the first row on top. */
static double ypos(const struct chart *c, size_t i)
{
	return (double)(c->n - i);
}

/* The common frame: terminal, title, the y axis of group names and the
 * right axis of labels. */
static void frame(FILE *fp, const struct chart *c, int log, double xa, double xb,
		  const char *xlabel, const char *title)
{
	const struct opts *o = c->o;
	int lines = 0;
	for (size_t i = 0; i < c->n; i++)
		lines += 1 + (int)(strlen(c->r[i].name) / 28);
	int h = 110 + 30 * (lines > (int)c->n ? lines : (int)c->n);
	fputs("# disp-plot: a chart of a disparity table, data inline; run it with gnuplot.\n", fp);
	gp_terminal(fp, o->out ? gp_format_of(o->out) : o->format, o->width ? o->width : 900,
		    h < 220 ? 220 : h, o->out);
	/* A title wider than the plot would run off the canvas: wrap it. */
	fputs("set title ", fp);
	gp_string_wrapped(fp, o->title ? o->title : title, 60);
	fputs("\nset xlabel ", fp);
	gp_string(fp, o->xlabel ? o->xlabel : xlabel);
	fputs("\nunset key\nset border 1\nset grid xtics lc rgb \"#dddddd\"\n", fp);
	if (log) {
		fputs("set logscale x\n", fp);
		gp_log_tics(fp, "x", xa, xb);
	} else {
		fputs("set xtics nomirror\n", fp);
	}
	fprintf(fp, "set xrange [%.15g:%.15g]\n", xa, xb);
	fprintf(fp, "set yrange [0.4:%g]\nset y2range [0.4:%g]\n", c->n + 0.6, c->n + 0.6);
	/* Group names on the left, long ones over several lines. */
	fputs("set ytics scale 0 nomirror (", fp);
	for (size_t i = 0; i < c->n; i++) {
		fputs(i ? ", " : "", fp);
		gp_string_wrapped(fp, c->r[i].ref ? c->r[i].name : c->r[i].name, 28);
		fprintf(fp, " %g", ypos(c, i));
	}
	fputs(")\n", fp);
	fputs("set y2tics scale 0 nomirror (", fp);
	for (size_t i = 0; i < c->n; i++) {
		char lab[160];
		right_label(lab, sizeof lab, c, &c->r[i]);
		fputs(i ? ", " : "", fp);
		gp_string(fp, lab);
		fprintf(fp, " %g", ypos(c, i));
	}
	fputs(")\n", fp);
}

/* An arrow's row: from x to the edge e, as gnuplot's vectors want it. */
static void arrow(FILE *fp, double x, double y, double e)
{
	fprintf(fp, "%.15g %g %.15g 0\n", x, y, e - x);
}

/*
 * The points and bars.  An interval's finite ends are error-bar ends; an
 * end at 0 on a log axis, or at -inf or inf, is an arrow to the edge, so no
 * interval is cut off or dropped without a sign; an estimate at such an
 * end (rr 0, rr inf) has no point, only its arrow, and the label says
 * what it is.  An estimate that is not defined (nan), with an interval,
 * gets a faint arrow each way from the null value.  The reference is an
 * open circle; published claims are diamonds.
 */
static void marks(FILE *fp, const struct chart *c, int log, double null,
		  double xa, double xb)
{
	char *bars = NULL, *arrows = NULL, *faint = NULL;
	size_t nb = 0, na = 0, nf = 0;
	FILE *b = open_memstream(&bars, &nb), *a = open_memstream(&arrows, &na);
	FILE *f = open_memstream(&faint, &nf);
	if (!b || !a || !f)
		err_nomem();
	for (size_t i = 0; i < c->n; i++) {
		const struct row *r = &c->r[i];
		double y = ypos(c, i);
		if (r->ref)
			continue;
		int interval = !isnan(r->lo) && !isnan(r->hi);
		int left = interval && !(isfinite(r->lo) && (!log || r->lo > 0));
		int right = interval && !isfinite(r->hi);
		double L = left ? xa : r->lo, H = right ? xb : r->hi;
		if (isnan(r->e)) {
			if (interval && left && right)
				arrow(f, null, y, xa), arrow(f, null, y, xb);
			continue;
		}
		if (isfinite(r->e) && (!log || r->e > 0)) {
			if (interval)
				fprintf(b, "%.15g %g %.15g %.15g\n", r->e, y, L, H);
			else
				fprintf(b, "%.15g %g %.15g %.15g\n", r->e, y, r->e, r->e);
			if (left)
				arrow(a, r->e, y, xa);
			if (right)
				arrow(a, r->e, y, xb);
		} else if (r->e > 0) {            /* inf */
			arrow(a, interval && !left ? L : xa, y, xb);
		} else {                          /* 0 on a log axis, or -inf */
			arrow(a, interval && !right ? H : xb, y, xa);
		}
	}
	fclose(b), fclose(a), fclose(f);
	fprintf(fp, "$bars << EOD\n%sEOD\n$arrows << EOD\n%sEOD\n$faint << EOD\n%sEOD\n",
		bars, arrows, faint);
	fputs("$ref << EOD\n", fp);
	int refs = 0, claims = 0;
	for (size_t i = 0; i < c->n; i++)
		if (c->r[i].ref && isfinite(c->r[i].e))
			fprintf(fp, "%.15g %g\n", c->r[i].e, ypos(c, i)), refs = 1;
	fputs("EOD\n$claims << EOD\n", fp);
	for (size_t i = 0; i < c->n; i++)
		if (isfinite(c->r[i].claim) && (!log || c->r[i].claim > 0))
			fprintf(fp, "%.15g %g\n", c->r[i].claim, ypos(c, i) + 0.25), claims = 1;
	fputs("EOD\n", fp);
	/* Only the blocks that hold something are drawn (an empty one makes
	 * gnuplot warn). */
	const char *sep = "plot ";
	if (nb) {
		fprintf(fp, "%s$bars using 1:2:3:4 with xerrorbars pt 7 ps 1.2 lw 2 "
			"lc rgb \"%s\"", sep, gp_palette[0]);
		sep = ", \\\n     ";
	}
	if (na) {
		fprintf(fp, "%s$arrows using 1:2:3:4 with vectors head filled lw 2 "
			"lc rgb \"%s\"", sep, gp_palette[0]);
		sep = ", \\\n     ";
	}
	if (nf) {
		fprintf(fp, "%s$faint using 1:2:3:4 with vectors head filled lw 1 dt 3 "
			"lc rgb \"#999999\"", sep);
		sep = ", \\\n     ";
	}
	if (refs) {
		fprintf(fp, "%s$ref using 1:2 with points pt 6 ps 1.6 lw 2 lc rgb \"%s\"",
			sep, gp_palette[1]);
		sep = ", \\\n     ";
	}
	if (claims)
		fprintf(fp, "%s$claims using 1:2 with points pt 13 ps 1.4 lc rgb \"%s\"",
			sep, gp_palette[3]);
	/* A chart of rows none of which can be drawn still shows its labels. */
	if (!nb && !na && !nf && !refs && !claims)
		fprintf(fp, "plot %g with lines lc rgb \"#ffffff\"", null);
	fputs("\n", fp);
	free(bars), free(arrows), free(faint);
}

static void forest(FILE *fp, struct chart *c)
{
	int log = is_ratio(c->col);
	double null = log ? 1 : 0, xa, xb;
	axis_range(c, null, log, &xa, &xb);
	char xlabel[300], title[400];
	snprintf(xlabel, sizeof xlabel, "%s%s", c->col, log ? " (log scale)" : "");
	snprintf(title, sizeof title, "%s against %s, %s", c->col,
		 c->refname ? c->refname : "the reference", bars_phrase(c));
	frame(fp, c, log, xa, xb, xlabel, title);
	fprintf(fp, "set arrow 1 from %g, graph 0 to %g, graph 1 nohead dt 2 lc rgb \"#555555\"\n",
		null, null);
	marks(fp, c, log, null, xa, xb);
}

static void rates(FILE *fp, struct chart *c)
{
	double per = c->o->per > 0 ? c->o->per : 1, ref = NAN, xa, xb;
	for (size_t i = 0; i < c->n; i++) {
		struct row *r = &c->r[i];
		r->e *= per, r->lo *= per, r->hi *= per;
		r->p = NAN;
		if (r->ref)
			ref = r->e;
	}
	axis_range(c, isnan(ref) ? 0 : ref, 0, &xa, &xb);
	/* The reference keeps its bar here: a rate is not against itself. */
	for (size_t i = 0; i < c->n; i++)
		c->r[i].ref = 0;
	char xlabel[300], title[300];
	if (per != 1)
		snprintf(xlabel, sizeof xlabel, "%s per %g", c->col, per);
	else
		snprintf(xlabel, sizeof xlabel, "%s", c->col);
	snprintf(title, sizeof title, "%s by group, %s%s%s", c->col, bars_phrase(c),
		 c->refname ? "; dashed: " : "", c->refname ? c->refname : "");
	frame(fp, c, 0, xa, xb, xlabel, title);
	if (!isnan(ref))
		fprintf(fp, "set arrow 1 from %.15g, graph 0 to %.15g, graph 1 nohead dt 2 "
			"lc rgb \"%s\"\n", ref, ref, gp_palette[1]);
	marks(fp, c, 0, isnan(ref) ? 0 : ref, xa, xb);
}

/* The index of name in list (of n), added if new. */
static size_t index_of(char **list, size_t *n, char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(list[i], name) == 0)
			return i;
	list[*n] = name;
	return (*n)++;
}

/*
 * Each group's estimate at each stage (disp-stages' rr, or cum_rr with
 * -c), stages along x in their order, one colour and line per group
 * shifted a little so that their bars do not hide each other, on a log
 * axis with the reference (1) dashed.  Bounds at 0 or inf are arrows to
 * the edge; an undefined estimate leaves a gap in its group's line.
 */
static void stages(FILE *fp, struct chart *c)
{
	char **stage = xmalloc(c->n * sizeof *stage), **group = xmalloc(c->n * sizeof *group);
	size_t ns = 0, ng = 0;
	double lo = 1, hi = 1;
	for (size_t i = 0; i < c->n; i++) {
		struct row *r = &c->r[i];
		index_of(stage, &ns, r->stage);
		if (!r->ref)
			index_of(group, &ng, r->name);
		double v[3] = {r->e, r->lo, r->hi};
		for (int k = 0; k < 3; k++)
			if (!r->ref && isfinite(v[k]) && v[k] > 0)
				lo = v[k] < lo ? v[k] : lo, hi = v[k] > hi ? v[k] : hi;
	}
	double m = pow(hi / lo, 0.1);
	m = m < 1.05 ? 1.05 : m;
	double ya = fmax(lo / (m * m), AXIS_MIN), yb = fmin(hi * m * m, AXIS_MAX);
	const struct opts *o = c->o;
	char title[400], ylabel[300];
	snprintf(title, sizeof title, "%s at each stage against %s, %s", c->col,
		 c->refname ? c->refname : "the reference", bars_phrase(c));
	snprintf(ylabel, sizeof ylabel, "%s (log scale)", c->col);
	fputs("# disp-plot: a chart of a disparity table, data inline; run it with gnuplot.\n", fp);
	gp_terminal(fp, o->out ? gp_format_of(o->out) : o->format, o->width ? o->width : 900,
		    460, o->out);
	fputs("set title ", fp);
	gp_string_wrapped(fp, o->title ? o->title : title, 60);
	fputs("\nset ylabel ", fp);
	gp_string(fp, o->xlabel ? o->xlabel : ylabel);
	fputs("\nset key outside right top\nset border 3\nset grid ytics lc rgb \"#dddddd\"\n"
	      "set logscale y\n", fp);
	fprintf(fp, "set yrange [%.15g:%.15g]\nset xrange [0.5:%g]\n", ya, yb, ns + 0.5);
	fputs("set xtics nomirror scale 0 (", fp);
	for (size_t k = 0; k < ns; k++) {
		fputs(k ? ", " : "", fp);
		gp_string_wrapped(fp, stage[k], 14);
		fprintf(fp, " %zu", k + 1);
	}
	fputs(")\n", fp);
	gp_log_tics(fp, "y", ya, yb);
	fprintf(fp, "set arrow 1 from graph 0, first 1 to graph 1, first 1 nohead dt 2 "
		"lc rgb \"#555555\"\n");
	/* One data block per group: points in stage order, a blank line where
	 * the estimate is not defined (a gap); and its arrows. */
	int *arrows = xmalloc((ng ? ng : 1) * sizeof *arrows);
	double width = ng > 1 ? 0.5 / (double)(ng - 1) : 0;
	width = width > 0.12 ? 0.12 : width;
	for (size_t g = 0; g < ng; g++) {
		double dx = ((double)g - (double)(ng - 1) / 2) * width;
		fprintf(fp, "$g%zu << EOD\n", g);
		for (size_t k = 0; k < ns; k++)
			for (size_t i = 0; i < c->n; i++) {
				struct row *r = &c->r[i];
				if (r->ref || strcmp(r->name, group[g]) || strcmp(r->stage, stage[k]))
					continue;
				if (!(isfinite(r->e) && r->e > 0)) {
					fputs("\n", fp);
					continue;
				}
				double l = isfinite(r->lo) && r->lo > 0 ? r->lo : isnan(r->lo) ? r->e : ya;
				double h = isfinite(r->hi) ? r->hi : isnan(r->hi) ? r->e : yb;
				fprintf(fp, "%.15g %.15g %.15g %.15g\n", k + 1 + dx, r->e, l, h);
			}
		fprintf(fp, "EOD\n$a%zu << EOD\n", g);
		arrows[g] = 0;
		for (size_t k = 0; k < ns; k++)
			for (size_t i = 0; i < c->n; i++) {
				struct row *r = &c->r[i];
				if (r->ref || strcmp(r->name, group[g]) || strcmp(r->stage, stage[k]) ||
				    isnan(r->e))
					continue;
				double x = (double)(k + 1) + dx;
				int zero = r->e <= 0, inf = isinf(r->e);
				double from = zero ? (isfinite(r->hi) ? r->hi : yb) : inf ?
					      (isfinite(r->lo) && r->lo > 0 ? r->lo : ya) : r->e;
				if (zero || r->lo == 0)
					fprintf(fp, "%.15g %.15g 0 %.15g\n", x, from, ya - from), arrows[g]++;
				if (inf || r->hi == INFINITY)
					fprintf(fp, "%.15g %.15g 0 %.15g\n", x, from, yb - from), arrows[g]++;
			}
		fputs("EOD\n", fp);
	}
	fputs("plot ", fp);
	for (size_t g = 0; g < ng; g++) {
		const char *col = gp_palette[(g + (g >= 1)) % 8];   /* vermillion marks the reference */
		fprintf(fp, "%s$g%zu using 1:2:3:4 with yerrorlines pt 7 ps 1.1 lw 2 lc rgb \"%s\" "
			"title ", g ? ", \\\n     " : "", g, col);
		gp_string(fp, group[g]);
		if (arrows[g])
			fprintf(fp, ", \\\n     $a%zu using 1:2:3:4 with vectors head filled lw 2 "
				"lc rgb \"%s\" notitle", g, col);
	}
	if (ng == 0)
		fputs("1 with lines lc rgb \"#555555\" notitle", fp);
	fputs("\n", fp);
	free(stage), free(group), free(arrows);
}

/* Every chart but the funnel: the rows read, then drawn. */
static void chart(FILE *fp, struct chart *c0, char *const *files, int nfiles, char delim)
{
	struct chart c = *c0;
	const struct opts o = *c.o;
	csvin_read(files, nfiles, delim, on_header, on_row, &c);
	if (c.n == 0)
		err_die(EX_DATA, "no rows to draw");
	for (size_t i = 0; i < c.n; i++)
		c.r[i].ref = c.refname && strcmp(c.r[i].name, c.refname) == 0 &&
			     c.kind != RATES;
	if (c.kind == RATES)
		for (size_t i = 0; i < c.n; i++)
			c.r[i].ref = c.refname && strcmp(c.r[i].name, c.refname) == 0;
	if (o.claim) {
		if (c.kind != FOREST)
			err_usage("--claim is for forest charts");
		struct claims k = {&c, 0, 0, 0};
		char *f[] = {(char *)o.claim};
		csvin_read(f, 1, delim, claim_header, claim_row, &k);
	}
	if (c.kind == FOREST)
		forest(fp, &c);
	else if (c.kind == RATES)
		rates(fp, &c);
	else
		stages(fp, &c);
	for (size_t i = 0; i < c.n; i++)
		free(c.r[i].name), free(c.r[i].stage), free(c.r[i].claim_text);
	free(c.r), free(c.col), free(c.pcol), free(c.refname);
}

int main(int argc, char **argv)
{
	struct opts o = {0};
	opt_common oc;
	err_init("disp-plot");
	int first = opt_parse(argc, argv, &SPEC, &oc, on_opt, &o);
	if (first >= argc)
		err_usage("a KIND is needed: forest, rates, stages or funnel");
	const char *kind = argv[first++];
	struct chart c = {.o = &o, .kind = strcmp(kind, "rates") == 0 ? RATES :
			  strcmp(kind, "stages") == 0 ? STAGES : FOREST};
	int funnel = strcmp(kind, "funnel") == 0;
	if (strcmp(kind, "forest") && strcmp(kind, "rates") && strcmp(kind, "stages") && !funnel)
		err_usage("unknown chart '%s' (forest, rates, stages, funnel)", err_show(kind));
	if (o.limits && !funnel)
		err_usage("--limits is for funnel charts");
	if (funnel && (o.claim || o.col))
		err_usage("%s is not for funnel charts", o.claim ? "--claim" : "-c");
	char *script = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&script, &len);
	if (!fp)
		err_nomem();
	if (funnel) {
		plotfunnel_opts fo = {o.out, o.gcol, o.title, o.xlabel, o.limits, o.per,
				      o.format, o.width, oc.delim};
		plot_funnel(fp, &fo, argv + first, argc - first);
	} else {
		chart(fp, &c, argv + first, argc - first, oc.delim);
	}
	if (fclose(fp) != 0)
		err_nomem();
	if (o.out)
		gp_run(script, len);
	else
		fwrite(script, 1, len, stdout);
	free(script);
	opt_close_stdout();
	return 0;
}

