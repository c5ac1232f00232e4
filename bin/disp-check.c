/*
 * disp-check - published figures checked against the counts behind them.
 *
 * Reads a claims file (or one claim from the command line), finds each
 * claim's counts on its own row or in a counts table (-c), checks the
 * figure as written (bin/claim.c), and writes one row per claim, or TAP,
 * or JUnit XML.  The exit status says whether every claim held, so a
 * report's numbers can gate a build.  Results are kept until every claim
 * has been read, so a bad row stops the run before anything is written
 * (claims files are short: memory follows the number of claims).
 */
#include "claim.h"
#include "counts.h"
#include "err.h"
#include "methodopt.h"
#include "num.h"
#include "opts.h"
#include "report.h"
#include "writer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { O_CI = 256, O_RATIO, O_DIFF, O_ODDS, O_TEST, O_SIGNIFICANCE, O_STRICT,
       O_TAP, O_JUNIT };

static const opt_def OPTS[] = {
	{"counts", 'c', "FILE", "counts table (as disp-rate reads) for claims by group"},
	{"group", 'g', "COL", "its group column (default: the first column)"},
	{"events", 'e', "COL", "its events column (default: events)"},
	{"total", 'n', "COL", "its total column (default: total)"},
	{"ci", O_CI, "M", "rate interval (default: wilson)"},
	{"ratio", O_RATIO, "M", "ratio interval, and a ci claim's default kind (default: koopman)"},
	{"diff", O_DIFF, "M", "difference interval (default: newcombe)"},
	{"odds", O_ODDS, "M", "odds-ratio interval (default: woolf)"},
	{"test", O_TEST, "M", "test of a p claim (default: fisher)"},
	{"significance", O_SIGNIFICANCE, NULL, "a difference whose interval includes none is\n"
						"not_significant (and fails)"},
	{"strict", O_STRICT, NULL, "unverifiable claims fail too"},
	{"tap", O_TAP, NULL, "write TAP instead of CSV"},
	{"junit", O_JUNIT, "FILE", "also write JUnit XML to FILE"},
	{NULL, 0, NULL, NULL}};

static const opt_spec SPEC = {
	"[OPTION]... [CLAIMS]...\n"
	"  or:  disp-check [OPTION]... KIND VALUE X/N [X2/N2]",
	"Checks published figures (\"81% more likely\", \"only 13 (0.71%)\", \"1 in 5\")\n"
	"against the counts behind them; exit 1 if any does not hold.\n",
	OPTS, OPT_DELIM | OPT_DIGITS | OPT_LEVEL | OPT_PRETTY, NULL};

struct opts {
	const char *counts, *gcol, *ecol, *ncol, *junit;
	const char *method[5];   /* --ci --ratio --diff --odds --test */
	int significance, strict, tap;
};

static const char *const METHOD_OPT[5] = {"--ci", "--ratio", "--diff", "--odds", "--test"};

static void on_opt(void *ctx, int key, char *arg)
{
	struct opts *o = ctx;
	switch (key) {
	case 'c': o->counts = arg; break;
	case 'g': o->gcol = arg; break;
	case 'e': o->ecol = arg; break;
	case 'n': o->ncol = arg; break;
	case O_SIGNIFICANCE: o->significance = 1; break;
	case O_STRICT: o->strict = 1; break;
	case O_TAP: o->tap = 1; break;
	case O_JUNIT: o->junit = arg; break;
	default:
		if (key >= O_CI && key <= O_TEST)
			o->method[key - O_CI] = arg;
	}
}

/* The columns of a claims file the filter reads; the rest pass through. */
enum { C_ID, C_KIND, C_VALUE, C_GROUP, C_REF, C_QUAL, C_METHOD, C_LEVEL, C_PER,
       C_EVENTS, C_TOTAL, C_REF_EVENTS, C_REF_TOTAL, C_ALL_EVENTS, C_ALL_TOTAL, NC };
static const char *const COLS[NC] = {"id", "kind", "value", "group", "ref",
	"qualifier", "method", "level", "per", "events", "total", "ref_events",
	"ref_total", "all_events", "all_total"};

/* One checked claim, as it will be written. */
struct done {
	char *id, *kind, *published, *verdict, *needed, *reason, *msg, *group, *ref;
	double computed, lo, hi;
	int outcome;
	char **pass;
};

struct run {
	const struct opts *o;
	const opt_common *oc;
	counts_table *t;            /* -c, or NULL */
	double X, N;                /* its sums */
	int64_t Xi, Ni;
	long col[NC];               /* claims columns, -1 if absent */
	size_t *pass, npass;        /* pass-through columns */
	wr_col *cols;               /* the output columns */
	size_t ncols;
	struct done *done;
	size_t ndone, cap;
	int failed;
};

/* A method named in a claim's `method` cell ("katz", "--ratio katz") or on
 * the command line, for a claim of kind k: bad data when unknown. */
static void pick(const struct run *run, claim *c, const char *cell,
		 const csvin_row *r)
{
	const dsp_kind *mk = claim_method_kind(c->kind);
	char opt[16] = "";
	const char *name = cell && *cell ? cell : NULL;
	if (name && strncmp(name, "--", 2) == 0) {
		size_t n = strcspn(name, " ");
		if (n >= sizeof opt || !name[n])
			err_data(r->file, r->line, "method", "not an option and a method "
				 "('--ratio katz')", cell);
		memcpy(opt, name, n);
		opt[n] = '\0';
		name += n + strspn(name + n, " ");
		mk = dsp_kind_find(opt, 0);
		if (!mk)
			err_data(r->file, r->line, "method", "no such kind of method "
				 "(--ci, --ratio, --diff, --odds, --test)", cell);
	}
	if (!mk)
		return;     /* a kind without an interval */
	if (!name)
		for (int i = 0; i < 5; i++)
			if (strcmp(METHOD_OPT[i], mk->option) == 0)
				name = run->o->method[i];
	c->mk = mk;
	c->m = name ? dsp_method_find(mk->methods, name) : mk->methods;
	if (!c->m)
		err_data(r->file, r->line, "method", "unknown method", name);
}

/* A count in a claims cell: -1 when empty. */
static int64_t cell_count(const csvin_row *r, long i, const char *col)
{
	int64_t v;
	if (i < 0 || !*r->f[i])
		return -1;
	const char *why = num_count(r->f[i], INT64_C(1) << 53, &v);
	if (why)
		err_data(r->file, r->line, col, why, r->f[i]);
	return v;
}

static const char *cell(const csvin_row *r, long i)
{
	return i >= 0 ? r->f[i] : "";
}

/* The claim's counts: its own cells, else the counts table's.  *absent
 * names a group that is not in the table (NULL: none). */
static claim_counts counts_of(const struct run *run, const csvin_row *r,
			      const char **absent)
{
	claim_counts k = {-1, -1, -1, -1, -1, -1, -1, -1, NULL, NULL};
	const char *g = cell(r, run->col[C_GROUP]), *ref = cell(r, run->col[C_REF]);
	k.group = *g ? g : NULL, k.ref = *ref ? ref : NULL;
	if (run->t) {
		long gi = k.group ? counts_find(run->t, g) : -1;
		long ri = k.ref ? counts_find(run->t, ref) : -1;
		/* A group that is not in the table leaves the claim
		 * unverifiable, and the reason says so. */
		*absent = k.group && gi < 0 ? g : k.ref && ri < 0 ? ref : NULL;
		if (gi >= 0)
			k.x = run->t->g[gi].events, k.n = run->t->g[gi].total;
		if (ri >= 0)
			k.x2 = run->t->g[ri].events, k.n2 = run->t->g[ri].total;
		k.Xi = run->Xi, k.Ni = run->Ni;
	}
	static const int own[6] = {C_EVENTS, C_TOTAL, C_REF_EVENTS, C_REF_TOTAL,
				   C_ALL_EVENTS, C_ALL_TOTAL};
	int64_t *dst[6] = {&k.x, &k.n, &k.x2, &k.n2, &k.Xi, &k.Ni};
	for (int i = 0; i < 6; i++) {
		int64_t v = cell_count(r, run->col[own[i]], COLS[own[i]]);
		if (v >= 0)
			*dst[i] = v;
	}
	if (k.x >= 0 && k.n >= 0 && k.x > k.n)
		err_data(r->file, r->line, "events", "events exceed total",
			 cell(r, run->col[C_EVENTS]));
	if (k.x2 >= 0 && k.n2 >= 0 && k.x2 > k.n2)
		err_data(r->file, r->line, "ref_events", "events exceed total",
			 cell(r, run->col[C_REF_EVENTS]));
	k.X = (double)k.Xi, k.N = (double)k.Ni;
	return k;
}

/* The claim as written on row r. */
static claim claim_of(const struct run *run, const csvin_row *r, char *published,
		      size_t size)
{
	claim c = {0};
	const char *kind = r->f[run->col[C_KIND]], *value = r->f[run->col[C_VALUE]];
	int k = claim_kind_find(kind);
	if (k < 0)
		err_data(r->file, r->line, "kind", "unknown kind (pct, rate, per, rr, or, "
			 "pct_more, pct_less, diff, share, ratio_of_shares, p, ci)", kind);
	c.kind = (claim_kind)k;
	const char *why = pub_parse(value, &c.v);
	if (why) {
		char msg[96];
		snprintf(msg, sizeof msg, "cannot read the figure (expected %s)", why);
		err_data(r->file, r->line, "value", msg, value);
	}
	const char *q = cell(r, run->col[C_QUAL]);
	pub_qual qual;
	if (pub_qualifier(q, &qual))
		err_data(r->file, r->line, "qualifier", "not a qualifier (=, <, <=, >, >=, "
			 "over, fewer than, nearly, about, ...)", q);
	if (*q && c.v.qual != PUB_EQ && qual != c.v.qual)
		err_data(r->file, r->line, "qualifier", "differs from the one in the value", q);
	if (*q)
		c.v.qual = qual;
	snprintf(published, size, "%s%s%s", *q ? q : "", *q ? " " : "", value);
	c.level = run->oc->level;
	const char *lv = cell(r, run->col[C_LEVEL]);
	if (*lv && (num_parse_double(lv, &c.level) || !(c.level > 0 && c.level < 1)))
		err_data(r->file, r->line, "level", "a level in (0,1), such as 0.95", lv);
	int64_t per = cell_count(r, run->col[C_PER], "per");
	c.per = per > 0 ? (uint64_t)per : 0;
	c.significance = run->o->significance;
	pick(run, &c, cell(r, run->col[C_METHOD]), r);
	return c;
}

/* Keeps claim c's result for the output. */
static void keep(struct run *run, const csvin_row *r, const char *id,
		 const claim *c, const char *published, const claim_result *res)
{
	int fail = res->verdict == CV_INCONSISTENT || res->verdict == CV_NOT_SIGNIFICANT ||
		   (res->verdict == CV_UNVERIFIABLE && run->o->strict);
	run->failed |= fail;
	if (run->ndone == run->cap) {
		run->cap = run->cap ? 2 * run->cap : 16;
		run->done = xrealloc(run->done, run->cap * sizeof *run->done);
	}
	struct done *d = &run->done[run->ndone++];
	const char *verdict = claim_verdict_name(res->verdict);
	char msg[1100];
	snprintf(msg, sizeof msg, "%s: %s", verdict, res->reason);
	/* Empty cells: not applicable (no counts, no interval). */
	int have = res->verdict != CV_UNVERIFIABLE;
	*d = (struct done){xstrdup(id), xstrdup(claim_kind_name(c->kind)),
		xstrdup(published), xstrdup(verdict), xstrdup(res->needed),
		xstrdup(res->reason), xstrdup(msg),
		xstrdup(r->nf && run->col[C_GROUP] >= 0 ? r->f[run->col[C_GROUP]] : ""),
		xstrdup(r->nf && run->col[C_REF] >= 0 ? r->f[run->col[C_REF]] : ""),
		have ? res->computed : NAN, have ? res->lo : NAN, have ? res->hi : NAN,
		fail ? REPORT_FAIL : res->verdict == CV_UNVERIFIABLE ? REPORT_SKIP :
		REPORT_PASS, xmalloc((run->npass ? run->npass : 1) * sizeof(char *))};
	for (size_t i = 0; i < run->npass; i++)
		d->pass[i] = xstrdup(r->f[run->pass[i]]);
}

static void num_or_empty(wr_table *w, double x)
{
	if (x == x)
		wr_num(w, x);
	else
		wr_empty(w);
}

/* Every kept claim: CSV or --pretty, or TAP; and JUnit beside either. */
static void write_all(struct run *run)
{
	report *tap = run->o->tap ? report_tap(stdout) : NULL;
	report *junit = run->o->junit ? report_junit(run->o->junit, "disp-check") : NULL;
	wr_table *w = NULL;
	if (!tap) {
		wr_opts wo = {run->oc->delim, run->oc->pretty, run->oc->digits};
		w = wr_begin(stdout, &wo, run->cols, run->ncols);
	}
	for (size_t i = 0; i < run->ndone; i++) {
		struct done *d = &run->done[i];
		if (junit)
			report_case(junit, d->kind, d->id, d->outcome, d->msg);
		if (tap)
			report_case(tap, d->kind, d->id, d->outcome, d->msg);
		if (w) {
			wr_str(w, d->id), wr_str(w, d->kind), wr_str(w, d->published);
			num_or_empty(w, d->computed), num_or_empty(w, d->lo);
			num_or_empty(w, d->hi);
			wr_str(w, d->verdict), wr_str(w, d->needed), wr_str(w, d->reason);
			wr_str(w, d->group), wr_str(w, d->ref);
			for (size_t k = 0; k < run->npass; k++)
				wr_str(w, d->pass[k]);
			wr_end_row(w);
		}
		free(d->id), free(d->kind), free(d->published), free(d->verdict);
		free(d->needed), free(d->reason), free(d->msg), free(d->group), free(d->ref);
		for (size_t k = 0; k < run->npass; k++)
			free(d->pass[k]);
		free(d->pass);
	}
	if (w)
		wr_finish(w);
	if (tap)
		report_close(tap);
	if (junit)
		report_close(junit);
	free(run->done);
}

static void check_row(struct run *run, const csvin_row *r)
{
	char published[512];
	claim c = claim_of(run, r, published, sizeof published);
	const char *absent = NULL;
	claim_counts k = counts_of(run, r, &absent);
	/* An interval with no method and no reference is a rate's. */
	if (c.kind == CK_CI && !*cell(r, run->col[C_METHOD]) && k.x2 < 0 && k.n2 < 0) {
		char m[80];
		snprintf(m, sizeof m, "--ci %s", run->o->method[0] ? run->o->method[0] : "wilson");
		pick(run, &c, m, r);
	}
	claim_result res;
	const char *why = claim_check(&c, &k, &res);
	if (why) {
		char msg[128];
		snprintf(msg, sizeof msg, "does not fit a %s claim (expected %s)",
			 claim_kind_name(c.kind), why);
		err_data(r->file, r->line, "value", msg, r->f[run->col[C_VALUE]]);
	}
	if (c.m && c.mk)
		mo_check(res.status, c.mk, c.m, "claim", r->f[run->col[C_ID]]);
	if (absent && res.verdict == CV_UNVERIFIABLE) {
		size_t n = strlen(res.reason);
		snprintf(res.reason + n, sizeof res.reason - n, " ('%s' is not in the "
			 "counts table)", absent);
	}
	keep(run, r, r->f[run->col[C_ID]], &c, published, &res);
}

/* The output columns: ours, then those that pass through. */
static void output_columns(struct run *run, const csvin_row *h)
{
	static const char *const OUT[] = {"id", "kind", "published", "computed", "lo",
		"hi", "verdict", "needed", "reason", "group", "ref"};
	size_t nout = sizeof OUT / sizeof *OUT;
	run->cols = xmalloc((nout + run->npass) * sizeof *run->cols);
	for (size_t i = 0; i < nout; i++)
		run->cols[i] = (wr_col){OUT[i], i >= 3 && i <= 5 ? WR_NUM : WR_TEXT};
	for (size_t i = 0; i < run->npass; i++)
		run->cols[nout + i] = (wr_col){xstrdup(h->f[run->pass[i]]), WR_TEXT};
	run->ncols = nout + run->npass;
}

static int on_header(void *ctx, const csvin_row *h)
{
	struct run *run = ctx;
	if (h->nf == 0)
		err_data(h->file, 1, NULL, "no header row (empty claims file)", NULL);
	for (int i = 0; i < NC; i++)
		run->col[i] = csvin_find(h, COLS[i]);
	for (int i = C_ID; i <= C_VALUE; i++)
		if (run->col[i] < 0)
			csvin_column(h, COLS[i]);   /* exits, naming the columns */
	run->pass = xmalloc(h->nf * sizeof *run->pass);
	for (size_t f = 0; f < h->nf; f++) {
		int known = 0;
		for (int i = 0; i < NC; i++)
			known |= run->col[i] == (long)f;
		if (!known)
			run->pass[run->npass++] = f;
	}
	output_columns(run, h);
	return 0;
}

static int on_row(void *ctx, const csvin_row *r)
{
	check_row(ctx, r);
	return 0;
}

/* "X/N" from the command line. */
static void fraction(const char *s, int64_t *x, int64_t *n)
{
	char buf[64];
	const char *slash = strchr(s, '/');
	if (!slash || (size_t)(slash - s) >= sizeof buf)
		err_usage("counts are EVENTS/TOTAL, such as 13/1809: '%s'", err_show(s));
	memcpy(buf, s, (size_t)(slash - s));
	buf[slash - s] = '\0';
	if (num_count(buf, INT64_C(1) << 53, x) || num_count(slash + 1, INT64_C(1) << 53, n) ||
	    *x > *n)
		err_usage("counts are EVENTS/TOTAL with events at most the total: '%s'",
			  err_show(s));
}

/* disp-check KIND VALUE X/N [X2/N2]: one claim as a one-row claims file. */
static void immediate(struct run *run, int argc, char **argv)
{
	if (argc < 3 || argc > 4)
		err_usage("one claim is KIND VALUE X/N [X2/N2]");
	int64_t c[4] = {-1, -1, -1, -1};
	fraction(argv[2], &c[0], &c[1]);
	if (argc == 4)
		fraction(argv[3], &c[2], &c[3]);
	char nums[4][24];
	for (int i = 0; i < 4; i++)
		if (c[i] < 0)
			nums[i][0] = '\0';
		else
			snprintf(nums[i], sizeof nums[i], "%lld", (long long)c[i]);
	char *hf[] = {"id", "kind", "value", "events", "total", "ref_events", "ref_total"};
	char *rf[] = {"claim", argv[0], argv[1], nums[0], nums[1], nums[2], nums[3]};
	size_t len[7];
	csvin_row h = {"command line", 1, 7, hf, len};
	for (int i = 0; i < 7; i++)
		len[i] = strlen(hf[i]);
	on_header(run, &h);
	for (int i = 0; i < 7; i++)
		len[i] = strlen(rf[i]);
	csvin_row r = {"command line", 2, 7, rf, len};
	on_row(run, &r);
}

int main(int argc, char **argv)
{
	struct opts o = {.ecol = "events", .ncol = "total"};
	opt_common oc;
	err_init("disp-check");
	int first = opt_parse(argc, argv, &SPEC, &oc, on_opt, &o);
	for (int i = 0; i < 5; i++)
		if (o.method[i])
			mo_pick(dsp_kind_find(METHOD_OPT[i], 0), o.method[i]);  /* 64 if unknown */
	struct run run = {.o = &o, .oc = &oc, .Xi = -1, .Ni = -1};
	counts_table t = {.nkey = 1, .keycols = &o.gcol, .events = o.ecol, .total = o.ncol};
	if (o.counts) {
		char *f[] = {(char *)o.counts};
		counts_read(&t, f, 1, oc.delim);
		run.t = &t;
		run.Xi = run.Ni = 0;
		for (size_t i = 0; i < t.n; i++)
			run.Xi += t.g[i].events, run.Ni += t.g[i].total;
	}
	if (argc - first >= 1 && claim_kind_find(argv[first]) >= 0)
		immediate(&run, argc - first, argv + first);
	else
		csvin_read(argv + first, argc - first, oc.delim, on_header, on_row, &run);
	/* Checking nothing is no pass: a CI gate on an emptied claims file
	 * must fail, not report success. */
	if (run.ndone == 0)
		err_die(EX_DATA, "no claims: the claims file has a header but no rows");
	write_all(&run);
	for (size_t i = 11; i < run.ncols; i++)
		free((char *)run.cols[i].name);
	free(run.pass);
	free(run.cols);
	if (o.counts)
		counts_free(&t);
	opt_close_stdout();
	return run.failed ? EX_CHECK : 0;
}
