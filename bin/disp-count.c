/*
 * disp-count - record-level rows -> events and totals per group.
 *
 * One pass over the input into a hash table keyed by the group values, so
 * memory follows the number of groups.  With --merge the input is itself a
 * counts table and rows with the same key are summed: counting a file then
 * equals merging the counts of any split of it, which lets shards be
 * counted apart and combined.
 */
#include "cli.h"
#include "csvio.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

struct group {
	char **key;        /* the group values */
	size_t *klen;
	int64_t events, total;
	uint64_t hash;
	struct group *next;  /* hash chain */
};

struct counter {
	char **gcols;      /* -g column names */
	size_t ng, *gi;
	const char *ecol, *evalue;  /* -e COL[=VALUE] */
	const char *wcol;
	int merge;
	size_t ei, wi, ti;
	struct group **bucket;
	size_t nbucket, n;
};

static void usage(FILE *fp)
{
	fputs(
"Usage: disp-count -g COL[,COL...] [-e COL | -e COL=VALUE] [-w COL] [--merge] [FILE]...\n"
"Counts rows per group (CSV with a header; stdin when no FILE), writing the\n"
"group columns, then events (with -e or --merge), then total.\n"
"\n"
"  -g, --group COLS    group by these columns (comma-separated)\n"
"  -e, --event COL     a row is an event when COL is 1/true/yes, not when\n"
"                      0/false/no (any case); other values are errors\n"
"  -e, --event COL=V   a row is an event when COL equals V exactly\n"
"  -w, --weight COL    each row counts COL times (a non-negative integer)\n"
"      --merge         input is counts (group columns, events, total): sum them\n"
"  -t, --tsv           TAB-separated input and output\n"
"      --help          this help\n"
"      --version       version\n", fp);
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		cli_die(EX_DATA, "out of memory");
	return p;
}

/* FNV-1a over the key fields, each followed by a separator byte count. */
static uint64_t hash_key(char *const *f, const size_t *len, const size_t *idx, size_t n)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < n; i++) {
		const unsigned char *s = (const unsigned char *)f[idx[i]];
		for (size_t j = 0; j < len[idx[i]]; j++)
			h = (h ^ s[j]) * 1099511628211u;
		h = (h ^ (len[idx[i]] & 0xff)) * 1099511628211u;
	}
	return h;
}

static struct group *lookup(struct counter *c, const csv_row *r)
{
	uint64_t h = hash_key(r->f, r->len, c->gi, c->ng);
	struct group **b = &c->bucket[h % c->nbucket], *g;
	for (g = *b; g; g = g->next) {
		size_t i;
		if (g->hash != h)
			continue;
		for (i = 0; i < c->ng; i++)
			if (g->klen[i] != r->len[c->gi[i]] ||
			    memcmp(g->key[i], r->f[c->gi[i]], g->klen[i]))
				break;
		if (i == c->ng)
			return g;
	}
	g = xmalloc(sizeof *g);
	g->key = xmalloc(c->ng * sizeof *g->key);
	g->klen = xmalloc(c->ng * sizeof *g->klen);
	for (size_t i = 0; i < c->ng; i++) {
		g->klen[i] = r->len[c->gi[i]];
		g->key[i] = xmalloc(g->klen[i] + 1);
		memcpy(g->key[i], r->f[c->gi[i]], g->klen[i] + 1);
	}
	g->events = g->total = 0;
	g->hash = h;
	g->next = *b;
	*b = g;
	if (++c->n > 2 * c->nbucket) {
		/* Grow and rehash: chains stay short whatever the group count. */
		size_t nb = 4 * c->nbucket;
		struct group **nbk = calloc(nb, sizeof *nbk);
		if (!nbk)
			cli_die(EX_DATA, "out of memory");
		for (size_t i = 0; i < c->nbucket; i++)
			for (struct group *p = c->bucket[i], *next; p; p = next) {
				next = p->next;
				p->next = nbk[p->hash % nb];
				nbk[p->hash % nb] = p;
			}
		free(c->bucket);
		c->bucket = nbk;
		c->nbucket = nb;
	}
	return g;
}

static int on_header(void *ctx, const csv_row *h)
{
	struct counter *c = ctx;
	if (h->nf == 0)
		return 0;  /* empty input: no rows will come; write the header */
	for (size_t i = 0; i < c->ng; i++)
		c->gi[i] = csv_column(h, c->gcols[i]);
	if (c->merge) {
		c->ei = csv_column(h, "events");
		c->ti = csv_column(h, "total");
	} else {
		if (c->ecol)
			c->ei = csv_column(h, c->ecol);
		if (c->wcol)
			c->wi = csv_column(h, c->wcol);
	}
	return 0;
}

static int64_t count(const csv_row *r, size_t i, const char *col)
{
	int64_t v;
	int rc = cli_parse_count(r->f[i], &v);
	if (rc)
		cli_die_data(r->file, r->line, col, rc == -2 ? "count too large"
			     : "not a non-negative integer", r->f[i]);
	return v;
}

static int is_event(const struct counter *c, const csv_row *r)
{
	const char *v = r->f[c->ei];
	if (c->evalue)
		return strcmp(v, c->evalue) == 0 && strlen(c->evalue) == r->len[c->ei];
	if (cli_strcaseeq(v, "1") || cli_strcaseeq(v, "true") || cli_strcaseeq(v, "yes"))
		return 1;
	if (cli_strcaseeq(v, "0") || cli_strcaseeq(v, "false") || cli_strcaseeq(v, "no"))
		return 0;
	cli_die_data(r->file, r->line, c->ecol,
		     "not an event flag (1/0, true/false, yes/no)", v);
}

static void add(int64_t *sum, int64_t v, const csv_row *r)
{
	if (__builtin_add_overflow(*sum, v, sum))
		cli_die_data(r->file, r->line, NULL, "count overflow (above 2^63-1)", NULL);
}

static int on_row(void *ctx, const csv_row *r)
{
	struct counter *c = ctx;
	int64_t ev, n;
	if (c->merge) {
		ev = count(r, c->ei, "events");
		n = count(r, c->ti, "total");
		if (ev > n)
			cli_die_data(r->file, r->line, "events", "events exceed total",
				     r->f[c->ei]);
	} else {
		n = c->wcol ? count(r, c->wi, c->wcol) : 1;
		ev = c->ecol && is_event(c, r) ? n : 0;
	}
	struct group *g = lookup(c, r);
	add(&g->events, ev, r);
	add(&g->total, n, r);
	return 0;
}

/* Bytewise order of keys, field by field (a prefix sorts first). */
static const struct counter *sort_ctx;
static int cmp_groups(const void *pa, const void *pb)
{
	const struct group *a = *(struct group *const *)pa, *b = *(struct group *const *)pb;
	for (size_t i = 0; i < sort_ctx->ng; i++) {
		size_t n = a->klen[i] < b->klen[i] ? a->klen[i] : b->klen[i];
		int d = memcmp(a->key[i], b->key[i], n);
		if (d)
			return d;
		if (a->klen[i] != b->klen[i])
			return a->klen[i] < b->klen[i] ? -1 : 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	enum { O_MERGE = 256, O_HELP, O_VERSION };
	static const struct option lopts[] = {
		{"group", required_argument, NULL, 'g'},
		{"event", required_argument, NULL, 'e'},
		{"weight", required_argument, NULL, 'w'},
		{"tsv", no_argument, NULL, 't'},
		{"merge", no_argument, NULL, O_MERGE},
		{"help", no_argument, NULL, O_HELP},
		{"version", no_argument, NULL, O_VERSION},
		{NULL, 0, NULL, 0}};
	struct counter c = {0};
	char delim = ',', *glist = NULL;
	int o;
	cli_init("disp-count");
	opterr = 0;
	while ((o = getopt_long(argc, argv, ":g:e:w:t", lopts, NULL)) != -1) {
		switch (o) {
		case 'g': glist = optarg; break;
		case 'e': c.ecol = optarg; break;
		case 'w': c.wcol = optarg; break;
		case 't': delim = '\t'; break;
		case O_MERGE: c.merge = 1; break;
		case O_HELP: usage(stdout); cli_close_stdout(); return 0;
		case O_VERSION: cli_version();
		case ':': cli_usage_error("option '%s' needs an argument", argv[optind - 1]);
		default: cli_usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (!glist)
		cli_usage_error("-g COL is required");
	if (c.merge && (c.ecol || c.wcol))
		cli_usage_error("--merge reads the events and total columns; -e and -w do not apply");
	if (c.ecol) {
		char *eq = strchr(c.ecol, '=');
		if (eq) {  /* COL=VALUE: split at the first '=' */
			char *col = xmalloc((size_t)(eq - c.ecol) + 1);
			memcpy(col, c.ecol, (size_t)(eq - c.ecol));
			col[eq - c.ecol] = '\0';
			c.evalue = eq + 1;
			c.ecol = col;
		}
		if (!*c.ecol)
			cli_usage_error("-e needs a column name");
	}
	/* Split -g at commas (a column name with a comma cannot be chosen). */
	c.gcols = xmalloc((strlen(glist) + 1) * sizeof *c.gcols);
	for (char *p = glist;; p++) {
		c.gcols[c.ng++] = p;
		p += strcspn(p, ",");
		if (!*p)
			break;
		*p = '\0';
	}
	c.gi = xmalloc(c.ng * sizeof *c.gi);
	c.nbucket = 64;
	c.bucket = calloc(c.nbucket, sizeof *c.bucket);
	if (!c.bucket)
		cli_die(EX_DATA, "out of memory");
	csv_read(argv + optind, argc - optind, delim, on_header, on_row, &c);

	struct group **all = xmalloc(c.n * sizeof *all);
	size_t k = 0;
	for (size_t i = 0; i < c.nbucket; i++)
		for (struct group *g = c.bucket[i]; g; g = g->next)
			all[k++] = g;
	sort_ctx = &c;
	qsort(all, c.n, sizeof *all, cmp_groups);
	csv_writer w;
	csv_writer_init(&w, stdout, delim);
	for (size_t i = 0; i < c.ng; i++)
		csv_put_str(&w, c.gcols[i]);
	if (c.ecol || c.merge)
		csv_put_str(&w, "events");
	csv_put_str(&w, "total");
	csv_end_row(&w);
	for (size_t i = 0; i < c.n; i++) {
		for (size_t j = 0; j < c.ng; j++)
			csv_put(&w, all[i]->key[j], all[i]->klen[j]);
		if (c.ecol || c.merge)
			csv_put_int(&w, all[i]->events);
		csv_put_int(&w, all[i]->total);
		csv_end_row(&w);
		for (size_t j = 0; j < c.ng; j++)
			free(all[i]->key[j]);
		free(all[i]->key);
		free(all[i]->klen);
		free(all[i]);
	}
	free(all);
	free(c.bucket);
	free(c.gi);
	free(c.gcols);
	if (c.evalue)
		free((char *)c.ecol);
	cli_close_stdout();
	return 0;
}
