/*
 * disp-report - the standard analysis of a counts (or record-level) file
 * as a folder: a self-contained HTML page with its tables, its charts as
 * inline SVG and one plain sentence per group, the methods used, and the
 * CSV files it was made from.
 *
 * It runs the kit's own tools (disp-count, disp-rate, disp-test where it
 * is installed, disp-plot) and reads their output back through the kit,
 * so the page says exactly what those tools say.  Its sentences say what
 * the data support and no more: a difference whose interval includes no
 * difference is not called a disparity.
 */
#include "csvin.h"
#include "err.h"
#include "methods.h"
#include "methodopt.h"
#include "num.h"
#include "opts.h"
#include "run.h"
#include "text.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { O_RECORDS = 256, O_TITLE, O_ADJUST, O_CI, O_RATIO, O_TEST };

static const opt_def OPTS[] = {
	{"output", 'o', "DIR", "the report's folder (default: report)"},
	{"group", 'g', "COL", "group column (default: the first column; with\n"
			      "--records, required)"},
	{"events", 'e', "COL", "events column (default: events); with --records,\n"
			       "COL or COL=VALUE as disp-count -e"},
	{"total", 'n', "COL", "total column (default: total)"},
	{"ref", 'r', "GROUP", "reference group (default: the largest total)"},
	{"records", O_RECORDS, NULL, "the input is record-level: count it first"},
	{"adjust", O_ADJUST, "M", "multiple-comparison adjustment (default: holm)"},
	{"ci", O_CI, "M", "rate interval (default: wilson)"},
	{"ratio", O_RATIO, "M", "relative-rate interval (default: koopman)"},
	{"test", O_TEST, "M", "test against the reference (default: fisher)"},
	{"title", O_TITLE, "TEXT", "the report's title"},
	{NULL, 0, NULL, NULL}};

static const opt_spec SPEC = {
	"[OPTION]... FILE",
	"The standard analysis of a table of counts (or, with --records, of\n"
	"record-level rows) as a folder with an HTML page, its charts and CSV.\n",
	OPTS, OPT_LEVEL, NULL};

struct opts {
	const char *dir, *gcol, *ecol, *ncol, *ref, *title, *adjust, *ci, *ratio, *test;
	int records;
};

static void on_opt(void *ctx, int key, char *arg)
{
	struct opts *o = ctx;
	switch (key) {
	case 'o': o->dir = arg; break;
	case 'g': o->gcol = arg; break;
	case 'e': o->ecol = arg; break;
	case 'n': o->ncol = arg; break;
	case 'r': o->ref = arg; break;
	case O_RECORDS: o->records = 1; break;
	case O_TITLE: o->title = arg; break;
	case O_ADJUST: o->adjust = arg; break;
	case O_CI: o->ci = arg; break;
	case O_RATIO: o->ratio = arg; break;
	case O_TEST: o->test = arg; break;
	}
}

/* ---- a small CSV table in memory ---------------------------------------- */

struct table {
	char **head;
	size_t nf, n, cap;
	char ***rows;
};

static int t_header(void *ctx, const csvin_row *h)
{
	struct table *t = ctx;
	t->nf = h->nf;
	t->head = xmalloc((h->nf ? h->nf : 1) * sizeof *t->head);
	for (size_t i = 0; i < h->nf; i++)
		t->head[i] = xstrdup(h->f[i]);
	return 0;
}

static int t_row(void *ctx, const csvin_row *r)
{
	struct table *t = ctx;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->rows = xrealloc(t->rows, t->cap * sizeof *t->rows);
	}
	t->rows[t->n] = xmalloc(r->nf * sizeof **t->rows);
	for (size_t i = 0; i < r->nf; i++)
		t->rows[t->n][i] = xstrdup(r->f[i]);
	t->n++;
	return 0;
}

static struct table t_read(const char *path)
{
	struct table t = {0};
	char *f[] = {(char *)path};
	csvin_read(f, 1, ',', t_header, t_row, &t);
	return t;
}

static long t_col(const struct table *t, const char *name)
{
	for (size_t i = 0; i < t->nf; i++)
		if (strcmp(t->head[i], name) == 0)
			return (long)i;
	return -1;
}

static double t_num(const struct table *t, size_t row, const char *name)
{
	long c = t_col(t, name);
	double x = NAN;
	if (c >= 0)
		num_cell(t->rows[row][c], &x);
	return x;
}

static void t_free(struct table *t)
{
	for (size_t r = 0; r < t->n; r++) {
		for (size_t i = 0; i < t->nf; i++)
			free(t->rows[r][i]);
		free(t->rows[r]);
	}
	for (size_t i = 0; i < t->nf; i++)
		free(t->head[i]);
	free(t->rows), free(t->head);
}

/* ---- HTML ------------------------------------------------------------------ */

/* s as HTML text: markup escaped; bytes that are not UTF-8 and control
 * characters through text_escape. */
static void html(FILE *fp, const char *s)
{
	size_t n = strlen(s);
	char *e = xmalloc(4 * n + 1);
	text_escape(e, s, n);
	for (const char *p = e; *p; p++)
		switch (*p) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		default: putc(*p, fp);
		}
	free(e);
}

static void html_table(FILE *fp, const struct table *t, const char *caption)
{
	fputs("<table>\n<caption>", fp);
	html(fp, caption);
	fputs("</caption>\n<thead><tr>", fp);
	for (size_t i = 0; i < t->nf; i++) {
		fputs("<th>", fp);
		html(fp, t->head[i]);
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (size_t r = 0; r < t->n; r++) {
		fputs("<tr>", fp);
		for (size_t i = 0; i < t->nf; i++) {
			double x;
			int num = num_cell(t->rows[r][i], &x) == NUM_OK;
			fputs(num ? "<td class=\"n\">" : "<td>", fp);
			html(fp, t->rows[r][i]);
			fputs("</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n", fp);
}

/* An SVG file inline: everything from its <svg element on. */
static void inline_svg(FILE *fp, const char *path)
{
	FILE *in = fopen(path, "r");
	if (!in)
		err_die(EX_NOINPUT_, "%s: %s", path, strerror(errno));
	char *buf = NULL;
	size_t cap = 0, n = 0, k;
	char chunk[8192];
	while ((k = fread(chunk, 1, sizeof chunk, in)) > 0) {
		if (n + k + 1 > cap)
			buf = xrealloc(buf, cap = 2 * (n + k + 1));
		memcpy(buf + n, chunk, k);
		n += k;
	}
	fclose(in);
	if (!buf)
		return;
	buf[n] = '\0';
	/* gnuplot's <title> elements name its own plot commands ("$bars
	 * using 1:2"): no reader needs them, so they are left out. */
	char *svg = strstr(buf, "<svg");
	for (char *p = svg; p && *p;) {
		char *t = strstr(p, "<title>"), *e = t ? strstr(t, "</title>") : NULL;
		if (!t || !e) {
			fputs(p, fp);
			break;
		}
		fwrite(p, 1, (size_t)(t - p), fp);
		p = e + strlen("</title>");
	}
	free(buf);
}

/* A number for a sentence: three significant digits. */
static const char *num3(char *b, double x)
{
	if (isinf(x))
		return strcpy(b, x > 0 ? "infinity" : "-infinity");
	snprintf(b, 32, fabs(x) >= 1e5 || (x != 0 && fabs(x) < 1e-3) ? "%.2e" : "%#.3g", x);
	size_t n = strlen(b);
	if (n && b[n - 1] == '.')
		b[n - 1] = '\0';
	return b;
}

static const char *pval(char *b, double p)
{
	if (p < 0.001)
		return strcpy(b, "p < 0.001");
	snprintf(b, 32, "p = %.2g", p);
	return b;
}

/*
 * One sentence per group against the reference, saying what the numbers
 * support: a ratio whose interval includes 1 is "not distinguishable from
 * the reference's rate", never a disparity.
 */
static void sentences(FILE *fp, const struct table *t, double level, const char *adjust)
{
	long ri = t_col(t, "ref");
	double alpha = 1 - level;
	fputs("<ul class=\"findings\">\n", fp);
	for (size_t r = 0; r < t->n; r++) {
		const char *g = t->rows[r][0], *ref = ri >= 0 ? t->rows[r][ri] : "";
		if (strcmp(g, ref) == 0)
			continue;
		double rr = t_num(t, r, "rr"), lo = t_num(t, r, "rr_lo"), hi = t_num(t, r, "rr_hi");
		double p = t_num(t, r, "p_adj");
		int adj = !isnan(p);
		if (!adj)
			p = t_num(t, r, "p");
		char a[32], b[32], c[32], d[32];
		fputs("<li><strong>", fp);
		html(fp, g);
		fputs("</strong>: ", fp);
		if (isnan(rr)) {
			fputs("no rate ratio can be given (no events in either group, or no one in "
			      "the group)", fp);
		} else if (isinf(rr)) {
			fputs("the ", fp);
			html(fp, ref);
			fputs(" group had no events, so no finite ratio can be given", fp);
		} else {
			fprintf(fp, "%s times the ", num3(a, rr));
			html(fp, ref);
			fprintf(fp, " rate (%g%% CI %s to %s)", 100 * level, num3(b, lo), num3(c, hi));
			if (!isnan(p)) {
				fputs(", ", fp);
				html(fp, pval(d, p));
				fprintf(fp, "%s%s", adj ? ", " : "", adj ? adjust : "");
			}
			int apart = (lo > 1 || hi < 1) && !(p >= alpha);
			if (!apart) {
				fputs(": not distinguishable from the ", fp);
				html(fp, ref);
				fprintf(fp, " rate at the %g%% level", 100 * level);
			}
		}
		fputs(".</li>\n", fp);
	}
	fputs("</ul>\n", fp);
}

static const char *STYLE =
	"body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;max-width:960px;"
	"margin:2em auto;padding:0 1em;color:#222}"
	"table{border-collapse:collapse;margin:1em 0}caption{text-align:left;"
	"font-weight:bold;padding:.3em 0}th,td{border:1px solid #ccc;padding:.2em .5em}"
	"td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
	"figure{margin:1em 0}svg{max-width:100%;height:auto}"
	".wide{overflow-x:auto}table{font-size:90%}"
	".findings li{margin:.3em 0}";

/* The method row and citation for the page's methods section. */
static void method_line(FILE *fp, const char *what, const char *option, int pt,
			const char *name)
{
	const dsp_kind *k = dsp_kind_find(option, pt);
	const dsp_method *m = k ? mo_pick(k, name) : NULL;
	if (!m)
		return;
	fprintf(fp, "<li>%s: <code>%s %s</code> (%s). ", what, option, m->name, m->help);
	html(fp, m->cite);
	fputs("</li>\n", fp);
}

int main(int argc, char **argv)
{
	struct opts o = {.dir = "report", .adjust = "holm"};
	opt_common oc;
	err_init("disp-report");
	int first = opt_parse(argc, argv, &SPEC, &oc, on_opt, &o);
	if (argc - first != 1)
		err_usage("one input FILE is needed");
	if (o.records && (!o.gcol || !o.ecol))
		err_usage("--records needs -g COL and -e COL (or COL=VALUE)");
	const char *input = argv[first];
	run_prefer_siblings(argv[0]);
	if (mkdir(o.dir, 0777) != 0 && errno != EEXIST)
		err_die(EX_IOERR_, "%s: %s", o.dir, strerror(errno));

	char counts[4096], rates[4096], test[4096], forest[4096], ratesvg[4096], page[4096];
	snprintf(counts, sizeof counts, "%s/counts.csv", o.dir);
	snprintf(rates, sizeof rates, "%s/rates.csv", o.dir);
	snprintf(test, sizeof test, "%s/test.csv", o.dir);
	snprintf(forest, sizeof forest, "%s/forest.svg", o.dir);
	snprintf(ratesvg, sizeof ratesvg, "%s/rates.svg", o.dir);
	snprintf(page, sizeof page, "%s/index.html", o.dir);
	char level[32];
	snprintf(level, sizeof level, "%.17g", oc.level);
	/* An earlier run's files go first, the page before the rest: a run that
	 * fails must not leave an older report looking like this input's. */
	const char *old[] = {page, rates, test, forest, ratesvg};
	for (size_t i = 0; i < sizeof old / sizeof *old; i++)
		if (unlink(old[i]) != 0 && errno != ENOENT)
			err_die(EX_IOERR_, "%s: %s", old[i], strerror(errno));

	/* Counts: counted from the records, or the input as it is. */
	if (o.records) {
		char *a[] = {"disp-count", "-g", (char *)o.gcol, "-e", (char *)o.ecol,
			     (char *)input, NULL};
		run_tool(a, NULL, counts);
	} else {
		/* The input is the counts: a copy is kept beside the report. */
		FILE *in = fopen(input, "rb"), *out = fopen(counts, "wb");
		if (!in)
			err_die(EX_NOINPUT_, "%s: %s", input, strerror(errno));
		if (!out)
			err_die(EX_IOERR_, "%s: %s", counts, strerror(errno));
		char buf[65536];
		size_t k;
		while ((k = fread(buf, 1, sizeof buf, in)) > 0)
			fwrite(buf, 1, k, out);
		/* A directory opens but does not read (EISDIR); a read error must
		 * not leave a short copy to report on. */
		if (ferror(in))
			err_die(EX_NOINPUT_, "%s: %s%s", input, errno == EISDIR ?
				"is a directory" : "read error: ",
				errno == EISDIR ? "" : strerror(errno));
		fclose(in);
		if (ferror(out) | (fclose(out) != 0))
			err_die(EX_IOERR_, "%s: write error", counts);
	}
	/* Rates, relative rates, tests, adjusted p-values. */
	char *ra[24];
	int n = 0;
	ra[n++] = "disp-rate";
	if (o.gcol && !o.records) ra[n++] = "-g", ra[n++] = (char *)o.gcol;
	if (o.records) ra[n++] = "-g", ra[n++] = (char *)o.gcol;
	if (!o.records && o.ecol) ra[n++] = "-e", ra[n++] = (char *)o.ecol;
	if (!o.records && o.ncol) ra[n++] = "-n", ra[n++] = (char *)o.ncol;
	if (o.ref) ra[n++] = "-r", ra[n++] = (char *)o.ref;
	if (o.ci) ra[n++] = "--ci", ra[n++] = (char *)o.ci;
	if (o.ratio) ra[n++] = "--ratio", ra[n++] = (char *)o.ratio;
	if (o.test) ra[n++] = "--test", ra[n++] = (char *)o.test;
	ra[n++] = "--adjust", ra[n++] = (char *)o.adjust;
	ra[n++] = "-l", ra[n++] = level;
	ra[n++] = counts;
	ra[n] = NULL;
	run_tool(ra, NULL, rates);
	int have_test = run_have("disp-test");
	if (have_test) {
		char *ta[12];
		int k = 0;
		ta[k++] = "disp-test";
		if (o.gcol) ta[k++] = "-g", ta[k++] = (char *)o.gcol;
		if (!o.records && o.ecol) ta[k++] = "-e", ta[k++] = (char *)o.ecol;
		if (!o.records && o.ncol) ta[k++] = "-n", ta[k++] = (char *)o.ncol;
		ta[k++] = counts;
		ta[k] = NULL;
		run_tool(ta, NULL, test);
	}
	char *fa[] = {"disp-plot", "forest", "-o", forest, rates, NULL};
	run_tool(fa, NULL, NULL);
	char *pa[] = {"disp-plot", "rates", "--per", "100", "-o", ratesvg, rates, NULL};
	run_tool(pa, NULL, NULL);

	/* The page. */
	struct table t = t_read(rates);
	FILE *fp = fopen(page, "w");
	if (!fp)
		err_die(EX_IOERR_, "%s: %s", page, strerror(errno));
	const char *title = o.title ? o.title : "Rates and relative rates by group";
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", fp);
	html(fp, title);
	fprintf(fp, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", STYLE);
	html(fp, title);
	fputs("</h1>\n<p>From <code>", fp);
	html(fp, input);
	long ri = t_col(&t, "ref");
	fprintf(fp, "</code>: %zu groups, against the reference group <strong>", t.n);
	html(fp, t.n && ri >= 0 ? t.rows[0][ri] : "");
	fprintf(fp, "</strong>, at the %g%% level.</p>\n<h2>Findings</h2>\n", 100 * oc.level);
	char adj[64];
	snprintf(adj, sizeof adj, "%s-adjusted", o.adjust);
	if (adj[0] >= 'a' && adj[0] <= 'z')
		adj[0] = (char)(adj[0] - 32);
	sentences(fp, &t, oc.level, adj);
	if (have_test) {
		struct table tt = t_read(test);
		fputs("<h2>Across all groups</h2>\n", fp);
		html_table(fp, &tt, "Tests of the whole group by outcome table (disp-test)");
		t_free(&tt);
	}
	fputs("<h2>Charts</h2>\n<figure>\n", fp);
	inline_svg(fp, forest);
	fputs("<figcaption>Relative rates against the reference with their intervals "
	      "(log scale).</figcaption>\n</figure>\n<figure>\n", fp);
	inline_svg(fp, ratesvg);
	fputs("<figcaption>Rates per 100 with their intervals; dashed: the reference."
	      "</figcaption>\n</figure>\n<h2>Table</h2>\n", fp);
	fputs("<div class=\"wide\">\n", fp);
	html_table(fp, &t, "disp-rate's output (rates.csv)");
	fputs("</div>\n", fp);
	fputs("<h2>Methods</h2>\n<ul>\n", fp);
	method_line(fp, "Rate intervals", "--ci", 0, o.ci);
	method_line(fp, "Relative-rate intervals", "--ratio", 0, o.ratio);
	method_line(fp, "Tests against the reference", "--test", 0, o.test);
	method_line(fp, "Adjustment for the comparisons", "--adjust", 0, o.adjust);
	fputs("</ul>\n<p>Files: <a href=\"counts.csv\">counts.csv</a>, "
	      "<a href=\"rates.csv\">rates.csv</a>", fp);
	if (have_test)
		fputs(", <a href=\"test.csv\">test.csv</a>", fp);
	fputs(", <a href=\"forest.svg\">forest.svg</a>, <a href=\"rates.svg\">rates.svg</a>. "
	      "Made by disparity's disp-report.</p>\n</body>\n</html>\n", fp);
	if (ferror(fp) | (fclose(fp) != 0))
		err_die(EX_IOERR_, "%s: write error", page);
	t_free(&t);
	printf("%s\n", page);
	opt_close_stdout();
	return 0;
}
