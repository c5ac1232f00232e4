/*
 * tallypart.c - one part of disp-count's fast reader (see tallypart.h):
 * records of one span of an input into a table of the part's own.
 *
 * The table is keyed by the packed key as the counts layer packs it and
 * hashed with SipHash under the run's key, behind a small cache.  An
 * absolute part (the first chunk, or a stream) counts straight into the
 * counts, so an overflow is caught on its exact row; a relative part (a
 * later chunk, a pipe's block) counts from zero into its own table, and
 * its overflow is found when it is added (part_fits), which sends the
 * strict reader back to the part's start.
 */
#include "tallypart.h"
#include "err.h"
#include "num.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void part_init(struct part *p, const tally *ty, size_t nf, int fd,
	       off_t pos, off_t stop, const char *file, long line)
{
	*p = (struct part){0};
	p->ty = ty;
	p->nf = nf;
	p->f = xmalloc(nf * sizeof *p->f);
	p->fd = fd;
	p->pos = pos;
	p->stop = stop;
	p->absolute = file != NULL;
	p->file = file;
	p->line0 = line;
	p->cap = ty->block;
	p->buf = xmalloc(p->cap + CSVSCAN_PAD);
	memset(p->buf, '\n', CSVSCAN_PAD);
	p->width = 2 + ty->t->ncount;
	p->nslot = 64;
	p->slot = xmalloc(p->nslot * sizeof *p->slot);
	memset(p->slot, 0, p->nslot * sizeof *p->slot);
	/* The columns take() reads, ascending, for the scanner. */
	const counts_table *t = ty->t;
	char *use = xmalloc(nf ? nf : 1);
	memset(use, 0, nf ? nf : 1);
	for (size_t i = 0; i < t->nkey; i++)
		use[t->ki[i]] = 1;
	for (size_t j = 0; j < t->ncount; j++)
		use[ty->fi[j]] = 1;
	if (ty->ei >= 0)
		use[ty->ei] = 1;
	if (ty->wi >= 0)
		use[ty->wi] = 1;
	p->want = xmalloc((nf ? nf : 1) * sizeof *p->want);
	for (size_t i = 0; i < nf; i++)
		if (use[i])
			p->want[p->nwant++] = i;
	free(use);
	p->one = ty->wi < 0 && t->ncount == 0;
	p->cache = xmalloc(sizeof *p->cache << CACHE_BITS);
	memset(p->cache, 0, sizeof *p->cache << CACHE_BITS);
}

void part_free(struct part *p)
{
	if (!p->fixed)
		free(p->buf);
	free(p->g);
	free(p->sum);
	free(p->arena);
	free(p->slot);
	free(p->cache);
	free(p->want);
	free(p->kb);
	free(p->vb);
	free(p->f);
	tally_values_free(&p->values);
}

/* Field f's value: its bytes, or unescaped into the part's scratch. */
static const char *value(struct part *p, const csvscan_field *f, size_t *len)
{
	if (!f->escaped) {
		*len = f->len;
		return f->p;
	}
	if (f->len + 1 > p->vbcap)
		p->vb = xrealloc(p->vb, p->vbcap = 2 * f->len + 16);
	*len = csvscan_unescape(f, p->vb);
	return p->vb;
}

/* A weight: plain digits read here, anything else through num_count()
 * (the strict reader's rule); 0 when it is not a count. */
static int weight(struct part *p, const csvscan_field *f, int64_t *w)
{
	size_t n;
	const char *s = value(p, f, &n);
	if (n > 0 && n <= 18) {
		int64_t v = 0;
		size_t i = 0;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			v = 10 * v + (s[i] - '0');
		if (i == n) {
			*w = v;
			return 1;
		}
	}
	if (memchr(s, '\0', n))
		return 0;
	char *z = memcpy(xmalloc(n + 1), s, n);
	z[n] = '\0';
	int ok = num_count(z, INT64_MAX, w) == NULL;
	free(z);
	return ok;
}

static __attribute__((noinline)) int flag_slow(struct part *p, const csvscan_field *f)
{
	size_t n;
	const char *s = value(p, f, &n);
	return tally_flag(s, n);
}

static inline int flag_of(struct part *p, const csvscan_field *f)
{
	if (f->len == 1 && (*f->p == '0' || *f->p == '1'))
		return *f->p == '1';   /* the usual case, without a call */
	return flag_slow(p, f);
}

/* The packed key of a record in p->kb: per key field its length, then
 * its bytes (as counts.c packs them). */
static size_t pack(struct part *p, const csvscan_field *f)
{
	const counts_table *t = p->ty->t;
	size_t n = 0;
	for (size_t i = 0; i < t->nkey; i++)
		n += sizeof(size_t) + f[t->ki[i]].len;
	if (n + 8 > p->kbcap)   /* 8: slot_of reads the word holding its end */
		p->kb = xrealloc(p->kb, p->kbcap = 2 * n + 8);
	n = 0;
	for (size_t i = 0; i < t->nkey; i++) {
		const csvscan_field *k = &f[t->ki[i]];
		size_t len = k->escaped ? csvscan_unescape(k, p->kb + n + sizeof len) : k->len;
		if (!k->escaped)
			memcpy(p->kb + n + sizeof len, k->p, len);
		memcpy(p->kb + n, &len, sizeof len);
		n += sizeof len + len;
	}
	return n;
}

static void grow_slots(struct part *p)
{
	size_t ns = 2 * p->nslot;
	size_t *s = xmalloc(ns * sizeof *s);
	memset(s, 0, ns * sizeof *s);
	for (size_t i = 0; i < p->ng; i++) {
		size_t j = (size_t)p->g[i].h & (ns - 1);
		while (s[j])
			j = (j + 1) & (ns - 1);
		s[j] = i + 1;
	}
	free(p->slot);
	p->slot = s;
	p->nslot = ns;
}

/* The part's group for the key in p->kb[0..n), added if new: in the
 * counts themselves for an absolute part, else in the part's table. */
static size_t group(struct part *p, size_t n)
{
	if (p->absolute) {
		/* Straight into the counts: no other part touches them now. */
		counts_table *t = p->ty->t;
		return (size_t)(counts_group_packed(t, p->kb, n, p->file,
						    p->line0 + p->lines) - t->g);
	}
	uint64_t h = ht_siphash13(p->ty->key, p->kb, n);
	size_t j = (size_t)h & (p->nslot - 1);
	for (size_t s; (s = p->slot[j]); j = (j + 1) & (p->nslot - 1)) {
		const lgroup *g = &p->g[s - 1];
		if (g->h == h && g->klen == n && !memcmp(p->arena + g->key, p->kb, n))
			return s - 1;
	}
	if (p->ng == p->gcap) {
		p->gcap = p->gcap ? 2 * p->gcap : 64;
		p->g = xrealloc(p->g, p->gcap * sizeof *p->g);
		p->sum = xrealloc(p->sum, p->gcap * p->width * sizeof *p->sum);
	}
	if (p->aused + n > p->acap)
		p->arena = xrealloc(p->arena, p->acap = 2 * (p->aused + n) + 256);
	memcpy(p->arena + p->aused, p->kb, n);
	p->g[p->ng] = (lgroup){h, p->aused, n, p->lines};
	p->aused += n;
	memset(p->sum + p->ng * p->width, 0, p->width * sizeof *p->sum);
	p->slot[j] = ++p->ng;
	if (2 * p->ng > p->nslot)
		grow_slots(p);
	return p->ng - 1;
}

/* The cache slot of the bytes s[0..n): a multiplicative hash of their
 * words under the run's key.  The word holding s[n - 1] must be readable
 * whole (a field has the buffer's padding after it; the packed key's
 * buffer has 8 bytes to spare). */
static inline struct cached *slot_of(struct part *p, const char *s, size_t n)
{
	const uint64_t k = p->ty->key[1] | 1;
	uint64_t h = p->ty->key[0] ^ n, w;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * k;
	}
	if (i < n) {
		memcpy(&w, s + i, 8);
		h = (h ^ (w & ~(~(uint64_t)0 << (8 * (n - i))))) * k;   /* the key's bytes only */
	}
	h ^= h >> 29;
	return &p->cache[(h * UINT64_C(0x9e3779b97f4a7c15)) >> (64 - CACHE_BITS)];
}

/* a[0..n) == b[0..n), where 16 bytes of each are readable: a word
 * compare for short keys (no call), memcmp for longer ones. */
static inline __attribute__((always_inline)) int
same(const char *a, const char *b, size_t n)
{
	if (n > 16)
		return !memcmp(a, b, n);
	uint64_t a0, a1, b0, b1;
	memcpy(&a0, a, 8), memcpy(&a1, a + 8, 8);
	memcpy(&b0, b, 8), memcpy(&b1, b + 8, 8);
	uint64_t m0 = n >= 8 ? ~(uint64_t)0 : ~(~(uint64_t)0 << (8 * n));
	uint64_t m1 = n >= 16 ? ~(uint64_t)0 : n <= 8 ? 0 : ~(~(uint64_t)0 << (8 * (n - 8)));
	return !(((a0 ^ b0) & m0) | ((a1 ^ b1) & m1));
}

/* The part's group of record f, through the cache: a one-column key is
 * looked up by its field's bytes, unpacked; others by the packed key. */
static inline __attribute__((always_inline)) size_t
lookup(struct part *p, const csvscan_field *f)
{
	const counts_table *t = p->ty->t;
	const csvscan_field *k = &f[t->ki[0]];
	struct cached *e, *e2;   /* the key's two ways (see CACHE_BITS) */
	size_t n;
	if (t->nkey == 1 && !k->escaped && k->len + sizeof(size_t) <= CACHE_KEY) {
		e = slot_of(p, k->p, k->len);
		if (e->n == k->len + sizeof(size_t) &&
		    same(e->key + sizeof(size_t), k->p, k->len))
			return e->gi;
		e2 = &p->cache[(size_t)(e - p->cache) ^ 1];
		if (e2->n == k->len + sizeof(size_t) &&
		    same(e2->key + sizeof(size_t), k->p, k->len))
			return e2->gi;
		n = pack(p, f);
	} else {
		n = pack(p, f);
		if (n > CACHE_KEY)
			return group(p, n);
		e = slot_of(p, p->kb, n);
		if (e->n == n && !memcmp(e->key, p->kb, n))
			return e->gi;
		e2 = &p->cache[(size_t)(e - p->cache) ^ 1];
		if (e2->n == n && !memcmp(e2->key, p->kb, n))
			return e2->gi;
	}
	size_t gi = group(p, n);
	/* The new key in the first way, what was there in the second. */
	*e2 = *e;
	e->n = n;
	e->gi = gi;
	memcpy(e->key, p->kb, n);
	return gi;
}

/*
 * take() for the usual record: no weights and no -f counts, so one row
 * adds 1 to the total and 0 or 1 to the events; what the general one does
 * with fewer loads and no array.  0 leaves the record to the strict
 * reader, as there.  Its event and value lines repeat take()'s: change
 * both together (shared helpers cost 9 instructions a row, 2.3%).
 */
static int take_one(struct part *p, const csvscan_field *f)
{
	const tally *ty = p->ty;
	int64_t e = 0;
	const char *val = NULL;
	size_t vlen = 0;
	if (ty->ei >= 0 && ty->evalue) {
		val = value(p, &f[ty->ei], &vlen);
		e = vlen == ty->evlen && !memcmp(val, ty->evalue, vlen);
	} else if (ty->ei >= 0) {
		int fl = flag_of(p, &f[ty->ei]);
		if (fl < 0)
			return 0;
		e = fl;
	}
	size_t gi = lookup(p, f);   /* may move p->sum, t->g */
	int64_t *ev, *tot;
	if (p->absolute) {
		counts_group *g = &ty->t->g[gi];
		ev = &g->events, tot = &g->total;
	} else {
		ev = p->sum + gi * p->width, tot = ev + 1;
	}
	if (*ev > INT64_MAX - e || *tot == INT64_MAX || p->total == INT64_MAX ||
	    p->events > INT64_MAX - e)
		return 0;
	*ev += e;
	*tot += 1;
	p->total++;
	p->events += e;
	if (val) {
		if (e)
			p->values.matched++;
		else
			tally_note(&p->values, ty->evalue, ty->evlen, val, vlen);
	}
	p->rows++;
	return 1;
}

/* Counts one record; 0 leaves it to the strict reader. */
static int take(struct part *p, const csvscan_field *f)
{
	const tally *ty = p->ty;
	const counts_table *t = ty->t;
	int64_t add[64], *a = add, n = 1;
	size_t w = p->width;
	int match = 0;
	if (w > sizeof add / sizeof *add)
		a = xmalloc(w * sizeof *a);
	if (ty->wi >= 0 && !weight(p, &f[ty->wi], &n))
		goto strict;
	a[0] = 0;
	a[1] = n;
	for (size_t j = 0; j < t->ncount; j++) {
		int fl = flag_of(p, &f[ty->fi[j]]);
		if (fl < 0)
			goto strict;
		a[j + 2] = fl ? n : 0;
	}
	const char *val = NULL;   /* -e COL=V: the value (p->vb stays put below) */
	size_t vlen = 0;
	if (ty->ei >= 0 && ty->evalue) {
		val = value(p, &f[ty->ei], &vlen);
		match = vlen == ty->evlen && !memcmp(val, ty->evalue, vlen);
		a[0] = match ? n : 0;
	} else if (ty->ei >= 0) {
		int fl = flag_of(p, &f[ty->ei]);
		if (fl < 0)
			goto strict;
		a[0] = fl ? n : 0;
	}
	size_t gi = lookup(p, f);   /* may move p->sum, t->g */
	int64_t *ev, *tot, *cnt, s0, s1;
	if (p->absolute) {
		counts_group *g = &t->g[gi];
		ev = &g->events, tot = &g->total, cnt = g->count;
	} else {
		ev = p->sum + gi * w, tot = ev + 1, cnt = ev + 2;
	}
	int64_t pt, pe;   /* the part's own total and events, for the ledger */
	if (__builtin_add_overflow(*ev, a[0], &s0) ||
	    __builtin_add_overflow(*tot, a[1], &s1) ||
	    __builtin_add_overflow(p->total, a[1], &pt) ||
	    __builtin_add_overflow(p->events, a[0], &pe))
		goto strict;
	for (size_t k = 2; k < w; k++) {
		int64_t s;
		if (__builtin_add_overflow(cnt[k - 2], a[k], &s))
			goto strict;
	}
	*ev = s0;
	*tot = s1;
	p->total = pt;
	p->events = pe;
	for (size_t k = 2; k < w; k++)
		cnt[k - 2] += a[k];
	if (ty->ei >= 0 && ty->evalue) {
		if (match) {
			p->values.matched++;
		} else {
			tally_note(&p->values, ty->evalue, ty->evlen, val, vlen);
		}
	}
	if (a != add)
		free(a);
	p->rows++;
	return 1;
strict:
	if (a != add)
		free(a);
	return 0;
}

/* More bytes after buf[cur..have): moved to the front, the buffer grown
 * when one record fills it. */
static void refill(struct part *p)
{
	if (p->cur > 0) {
		memmove(p->buf, p->buf + p->cur, p->have - p->cur);
		if (p->pos >= 0)
			p->pos += (off_t)p->cur;
		p->have -= p->cur;
		p->cur = 0;
	}
	if (p->have == p->cap) {
		/* One record fills the buffer.  A NUL in it is the strict
		 * reader's at once, not when an endless line ends. */
		if (memchr(p->buf, '\0', p->have)) {
			p->odd = 1;
			return;
		}
		p->cap *= 2;
		p->buf = xrealloc(p->buf, p->cap + CSVSCAN_PAD);
	}
	if (p->cap - p->have < p->ty->block / 2 && p->have > p->cap / 2) {
		/* keep reads large: a long record left little room */
		p->cap *= 2;
		p->buf = xrealloc(p->buf, p->cap + CSVSCAN_PAD);
	}
	for (;;) {
		ssize_t k = p->pos >= 0 ?
			pread(p->fd, p->buf + p->have, p->cap - p->have, p->pos + (off_t)p->have) :
			read(p->fd, p->buf + p->have, p->cap - p->have);
		if (k > 0) {
			p->have += (size_t)k;
			memset(p->buf + p->have, '\n', CSVSCAN_PAD);
			return;
		}
		if (k == 0) {
			p->eof = 1;
			return;
		}
		if (errno != EINTR) {
			/* The strict reader reads it again and says what is wrong. */
			p->odd = 1;
			return;
		}
	}
}

/* take() as csvscan_run's callback: a record it leaves to the strict
 * reader makes the part odd there. */
static int take_run(void *ctx, const csvscan_field *f)
{
	struct part *p = ctx;
	if (p->one ? take_one(p, f) : take(p, f))
		return 1;
	p->odd = 1;
	return 0;
}

/* Counts the part's records, to its stop, the end of input, or an odd one. */
void *part_run(void *arg)
{
	struct part *p = arg;
	const tally *ty = p->ty;
	for (;;) {
		if (p->stop >= 0 && p->pos + (off_t)p->cur >= p->stop)
			break;
		const char *at = p->buf + p->cur, *end = p->buf + p->have, *next;
		/* The common records in bulk, then one at a time from where
		 * that stopped. */
		const char *stop = end;
		if (p->stop >= 0 && p->stop - p->pos < (off_t)p->have)
			stop = p->buf + (p->stop - p->pos);
		const char *r = csvscan_run(at, end, stop, ty->delim, p->nf, p->want,
					    p->nwant, p->f, take_run, p, &p->lines);
		p->cur = (size_t)(r - p->buf);
		if (p->odd)
			break;
		if (r != at)
			continue;
		/* Blank lines first, so that none past the stop is taken. */
		if (at < end && *at == '\n') {
			p->cur++, p->lines++;
			continue;
		}
		if (at + 1 < end && at[0] == '\r' && at[1] == '\n') {
			p->cur += 2, p->lines++;
			continue;
		}
		long lines = p->lines;
		int st = csvscan_record(at, end, p->eof, ty->delim, p->nf, p->want,
					p->nwant, p->f,
					&next, &p->lines);
		if (st == CSVSCAN_RECORD) {
			if (!take(p, p->f)) {
				p->lines = lines;   /* back to the record's start */
				p->odd = 1;
				break;
			}
			p->cur = (size_t)(next - p->buf);
		} else if (st == CSVSCAN_MORE) {
			if (p->fixed) {
				p->cut = p->cur < p->have;
				break;
			}
			refill(p);
			if (p->odd)
				break;
		} else if (st == CSVSCAN_END) {
			p->cur = p->have;
			break;
		} else {
			p->cur = (size_t)(next - p->buf);
			p->odd = 1;
			break;
		}
	}
	if (p->pos >= 0)
		p->end = p->pos + (off_t)p->cur;
	return NULL;
}

/* Whether part p's sums can be added to the counts without overflow. */
int part_fits(const struct part *p)
{
	for (size_t i = 0; i < p->ng; i++) {
		const counts_group *cg = counts_find_packed(p->ty->t, p->arena + p->g[i].key,
							    p->g[i].klen);
		const int64_t *s = p->sum + i * p->width;
		int64_t r;
		if (cg && (__builtin_add_overflow(cg->events, s[0], &r) ||
			   __builtin_add_overflow(cg->total, s[1], &r)))
			return 0;
		for (size_t k = 2; cg && k < p->width; k++)
			if (__builtin_add_overflow(cg->count[k - 2], s[k], &r))
				return 0;
	}
	return 1;
}

/* Adds part p (which starts at line `line` of file) to the counts (an
 * absolute part's are there already), and its values and rows. */
void part_add(tally *ty, const struct part *p, const char *file, long line)
{
	for (size_t i = 0; i < p->ng; i++) {
		counts_group *cg = counts_group_packed(ty->t, p->arena + p->g[i].key,
						       p->g[i].klen, file, line + p->g[i].line);
		const int64_t *s = p->sum + i * p->width;
		cg->events += s[0];
		cg->total += s[1];
		for (size_t k = 2; k < p->width; k++)
			cg->count[k - 2] += s[k];
	}
	if (ty->lg)
		ledger_add(ty->lg, file, p->rows, p->rows, p->total, p->events);
	tally_values *v = &ty->values;
	v->matched += p->values.matched;
	for (size_t i = 0; i < p->values.nseen; i++)
		tally_note(v, ty->evalue, ty->evlen, p->values.seen[i], p->values.seenlen[i]);
	if (p->values.caseless && !v->caseless)
		v->caseless = tally_dup(p->values.caseless, strlen(p->values.caseless));
	ty->rows += p->rows;
}

