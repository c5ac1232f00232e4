/*
 * tallypipe.c - a pipe counted on several threads (see tallypart.h).
 */
#define _GNU_SOURCE   /* F_SETPIPE_SZ */
#include "tallypart.h"
#include "err.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * A pipe on several threads.  The main thread reads blocks, each cut
 * after its last LF outside quotes (the bytes after it start the next
 * block); workers count blocks as they come and add them up in order.  A
 * cut is a record boundary unless the quoting was bad: then the block's
 * last record runs past it (p->cut), and from there on the pipe is read
 * on one thread.  Trouble in block k (an odd record, an overflow, a cut)
 * stops the reading; the bytes from that point on, those of later blocks
 * and those read after them go to the one-thread reader or back to the
 * strict reader.
 */
struct block {
	char *buf;
	size_t cap, len;
	int last;              /* the input ends with this block */
};

struct pipeline {
	tally *ty;
	const csvin_body *b;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct block *blk;     /* a ring of nblk blocks, by sequence number */
	long nblk, nread, nwork, nadded;
	int done;              /* no more blocks will come */
	long bad;              /* the first troubled block, or -1 */
	size_t badcur;         /* where in it its part stopped */
	long badlines;         /* the line ends its part passed */
	int badcut;            /* its last record ran past the cut */
	int badfits;
	long line;             /* the line block nadded starts on */
};

static void *pipe_worker(void *arg)
{
	struct pipeline *pl = arg;
	for (;;) {
		pthread_mutex_lock(&pl->mu);
		while (pl->nwork == pl->nread && !pl->done && pl->bad < 0)
			pthread_cond_wait(&pl->cv, &pl->mu);
		if (pl->bad >= 0 || pl->nwork == pl->nread) {
			pthread_mutex_unlock(&pl->mu);
			return NULL;
		}
		long seq = pl->nwork++;
		pthread_mutex_unlock(&pl->mu);

		struct block *k = &pl->blk[seq % pl->nblk];
		struct part p;
		part_init(&p, pl->ty, pl->b->nf, -1, -1, -1, NULL, 0);
		free(p.buf);
		p.fixed = 1;
		p.buf = k->buf;
		p.have = k->len;
		p.cap = k->cap;
		p.eof = k->last;
		part_run(&p);

		pthread_mutex_lock(&pl->mu);
		while (pl->nadded != seq && pl->bad < 0)
			pthread_cond_wait(&pl->cv, &pl->mu);
		if (pl->bad < 0) {
			int ok = part_fits(&p);
			if (ok)
				part_add(pl->ty, &p, pl->b->file, pl->line);
			if (!ok || p.odd || p.cut) {
				pl->bad = seq;
				pl->badcur = p.cur;
				pl->badlines = p.lines;
				pl->badcut = p.cut;
				pl->badfits = ok;
			} else {
				pl->line += p.lines;
				pl->nadded++;
			}
			pthread_cond_broadcast(&pl->cv);
		}
		pthread_mutex_unlock(&pl->mu);
		part_free(&p);
	}
}

/*
 * Where to cut a block: its last LF outside quotes, as far as the quotes
 * in the block tell (an even number of them before it), or NULL.  Where
 * this guesses wrong (bad quoting) the block's last record runs past the
 * cut, and the worker says so.
 */
static const char *cut_at(const char *s, size_t n)
{
	size_t q = 0;
	if (memchr(s, '"', n))
		for (size_t i = 0; i < n; i++)
			q += s[i] == '"';
	for (size_t i = n; i-- > 0;) {
		if (s[i] == '"')
			q--;
		else if (s[i] == '\n' && !(q & 1))
			return s + i;
	}
	return NULL;
}

/* Appends n bytes to a growing buffer. */
static void append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap)
		*buf = xrealloc(*buf, *cap = 2 * (*len + n) + 1);
	memcpy(*buf + *len, s, n);
	*len += n;
}

int tally_pipe(tally *ty, csvin_body *b)
{
	struct pipeline pl = {.ty = ty, .b = b, .nblk = ty->threads + 2, .bad = -1,
			      .line = b->line};
	pthread_mutex_init(&pl.mu, NULL);
	pthread_cond_init(&pl.cv, NULL);
	pl.blk = xmalloc((size_t)pl.nblk * sizeof *pl.blk);
	for (long i = 0; i < pl.nblk; i++) {
		pl.blk[i].cap = ty->block;
		pl.blk[i].buf = xmalloc(ty->block + CSVSCAN_PAD);
	}
#ifdef F_SETPIPE_SZ
	/* Fewer, larger reads from a pipe (Linux; a refusal changes nothing). */
	fcntl(b->fd, F_SETPIPE_SZ, 1 << 20);
#endif
	int nth = ty->threads;
	pthread_t *th = xmalloc((size_t)nth * sizeof *th);
	for (int i = 0; i < nth; i++)
		if (pthread_create(&th[i], NULL, pipe_worker, &pl) != 0)
			nth = i;   /* fewer threads, or none: see below */
	/* The bytes after the last cut, carried to the next block. */
	char *tail = NULL;
	size_t ntail = 0, tailcap = 0;
	append(&tail, &ntail, &tailcap, b->buf, b->len);
	int eof = 0, nul = 0;   /* nul: a record with a NUL filled a block */
	while (!eof && !nul) {
		pthread_mutex_lock(&pl.mu);
		while (pl.nread - pl.nadded >= pl.nblk && pl.bad < 0)
			pthread_cond_wait(&pl.cv, &pl.mu);
		int stop = pl.bad >= 0;
		pthread_mutex_unlock(&pl.mu);
		if (stop || nth == 0)
			break;
		struct block *k = &pl.blk[pl.nread % pl.nblk];
		if (k->cap < 2 * ntail)
			k->buf = xrealloc(k->buf, (k->cap = 2 * ntail) + CSVSCAN_PAD);
		memcpy(k->buf, tail, ntail);
		k->len = ntail;
		const char *lf = NULL;
		while (!eof) {
			if (k->len == k->cap) {
				/* One record fills the block: a NUL in it is for
				 * the strict reader at once, not when it ends. */
				if (memchr(k->buf, '\0', k->len)) {
					nul = 1;
					break;
				}
				k->buf = xrealloc(k->buf, (k->cap *= 2) + CSVSCAN_PAD);
			}
			ssize_t got = read(b->fd, k->buf + k->len, k->cap - k->len);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0) {
				eof = 1;   /* a read error: the strict reader meets it again */
				break;
			}
			k->len += (size_t)got;
			if (k->len == k->cap && (lf = cut_at(k->buf, k->len)))
				break;
		}
		ntail = 0;
		if (nul) {
			append(&tail, &ntail, &tailcap, k->buf, k->len);
			break;
		}
		if (!eof) {
			size_t keep = (size_t)(lf + 1 - k->buf);
			append(&tail, &ntail, &tailcap, lf + 1, k->len - keep);
			k->len = keep;
		}
		k->last = eof;
		memset(k->buf + k->len, '\n', CSVSCAN_PAD);
		pthread_mutex_lock(&pl.mu);
		pl.nread++;
		pl.done = eof;
		pthread_cond_broadcast(&pl.cv);
		pthread_mutex_unlock(&pl.mu);
	}
	pthread_mutex_lock(&pl.mu);
	pl.done = 1;
	pthread_cond_broadcast(&pl.cv);
	pthread_mutex_unlock(&pl.mu);
	for (int i = 0; i < nth; i++)
		pthread_join(th[i], NULL);
	free(th);

	int ret = 0;
	if (pl.bad >= 0 || nth == 0 || nul) {
		/* The rest: from the trouble on, later blocks, the tail. */
		char *rest = NULL;
		size_t nrest = 0, restcap = 0;
		long from = pl.bad >= 0 ? pl.bad : pl.nread, line = pl.line;
		if (pl.bad >= 0) {
			struct block *k = &pl.blk[from % pl.nblk];
			size_t at = pl.badfits ? pl.badcur : 0;
			if (pl.badfits)
				line += pl.badlines;
			append(&rest, &nrest, &restcap, k->buf + at, k->len - at);
			from++;
		}
		for (; from < pl.nread; from++) {
			struct block *k = &pl.blk[from % pl.nblk];
			append(&rest, &nrest, &restcap, k->buf, k->len);
		}
		append(&rest, &nrest, &restcap, tail, ntail);
		csvin_body r = *b;
		r.buf = rest;
		r.len = nrest;
		r.line = line;
		if (nul || (pl.bad >= 0 && (!pl.badfits || !pl.badcut))) {
			/* Odd, or an overflow: for the strict reader. */
			b->rest = rest;
			b->nrest = nrest;
			b->line = line;
			rest = NULL;
			ret = 1;
		} else {
			ret = tally_stream(ty, &r);
			b->rest = r.rest;
			b->nrest = r.nrest;
			b->line = r.line;
		}
		free(rest);
	}
	free(tail);
	for (long i = 0; i < pl.nblk; i++)
		free(pl.blk[i].buf);
	free(pl.blk);
	pthread_mutex_destroy(&pl.mu);
	pthread_cond_destroy(&pl.cv);
	return ret;
}

