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
 * A pipe on several threads.  Each worker in turn reads a block, cut
 * after its last LF outside quotes (the bytes after it start the next
 * block), then counts it while the next worker reads, and adds it up in
 * order.  The thread that read a block counts it, so its bytes are still
 * in that core's cache.  A cut is a record boundary unless the quoting
 * was bad: then the block's last record runs past it (p->cut), and from
 * there on the pipe is read on one thread.  Trouble in block k (an odd
 * record, an overflow, a cut) stops the reading; the bytes from that
 * point on, those of later blocks and those read after them go to the
 * one-thread reader or back to the strict reader.
 */
struct block {
	char *buf;
	size_t cap, len;
	int last;              /* the input ends with this block */
};

struct pipeline {
	tally *ty;
	const csvin_body *b;
	pthread_mutex_t rd;    /* held by the reading worker */
	pthread_mutex_t mu;    /* the rest, but for what rd guards */
	pthread_cond_t cv;
	struct block *blk;     /* a ring of nblk blocks, by sequence number */
	long nblk, nread, nadded;
	int eof;               /* rd: the last block is read */
	int nul;               /* rd: a record with a NUL filled a block */
	char *tail;            /* rd: the bytes after the last cut */
	size_t ntail, tailcap;
	long bad;              /* the first troubled block, or -1 */
	size_t badcur;         /* where in it its part stopped */
	long badlines;         /* the line ends its part passed */
	int badcut;            /* its last record ran past the cut */
	int badfits;
	long line;             /* the line block nadded starts on */
};

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

/* Fills block k: the tail, then read() to a full block cut at a record
 * boundary, or to the end of input; with rd held. */
static void fill(struct pipeline *pl, struct block *k)
{
	int fd = pl->b->fd;
	if (k->cap < 2 * pl->ntail)
		k->buf = xrealloc(k->buf, (k->cap = 2 * pl->ntail) + CSVSCAN_PAD);
	memcpy(k->buf, pl->tail, pl->ntail);
	k->len = pl->ntail;
	pl->ntail = 0;
	const char *lf = NULL;
	while (!pl->eof) {
		if (k->len == k->cap) {
			/* One record fills the block: a NUL in it is for the
			 * strict reader at once, not when it ends. */
			if (memchr(k->buf, '\0', k->len)) {
				pl->nul = 1;
				append(&pl->tail, &pl->ntail, &pl->tailcap, k->buf, k->len);
				return;
			}
			k->buf = xrealloc(k->buf, (k->cap *= 2) + CSVSCAN_PAD);
		}
		ssize_t got = read(fd, k->buf + k->len, k->cap - k->len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			pl->eof = 1;   /* a read error: the strict reader meets it again */
			break;
		}
		k->len += (size_t)got;
		if (k->len == k->cap && (lf = cut_at(k->buf, k->len)))
			break;
	}
	if (!pl->eof) {
		size_t keep = (size_t)(lf + 1 - k->buf);
		append(&pl->tail, &pl->ntail, &pl->tailcap, lf + 1, k->len - keep);
		k->len = keep;
	}
	k->last = pl->eof;
	memset(k->buf + k->len, '\n', CSVSCAN_PAD);
}

static void *pipe_worker(void *arg)
{
	struct pipeline *pl = arg;
	for (;;) {
		/* Read the next block once its slot of the ring is free. */
		pthread_mutex_lock(&pl->rd);
		pthread_mutex_lock(&pl->mu);
		while (pl->nread - pl->nadded >= pl->nblk && pl->bad < 0)
			pthread_cond_wait(&pl->cv, &pl->mu);
		long seq = pl->nread;
		int stop = pl->bad >= 0 || pl->eof || pl->nul;
		pthread_mutex_unlock(&pl->mu);
		struct block *k = &pl->blk[seq % pl->nblk];
		if (!stop) {
			fill(pl, k);
			stop = pl->nul;
		}
		if (!stop) {
			pthread_mutex_lock(&pl->mu);
			pl->nread++;
			pthread_mutex_unlock(&pl->mu);
		}
		pthread_mutex_unlock(&pl->rd);
		if (stop)
			return NULL;

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

int tally_pipe(tally *ty, csvin_body *b)
{
	struct pipeline pl = {.ty = ty, .b = b, .nblk = ty->threads + 1, .bad = -1,
			      .line = b->line};
	pthread_mutex_init(&pl.rd, NULL);
	pthread_mutex_init(&pl.mu, NULL);
	pthread_cond_init(&pl.cv, NULL);
	pl.blk = xmalloc((size_t)pl.nblk * sizeof *pl.blk);
	for (long i = 0; i < pl.nblk; i++) {
		pl.blk[i].cap = ty->block;
		pl.blk[i].buf = xmalloc(ty->block + CSVSCAN_PAD);
	}
	append(&pl.tail, &pl.ntail, &pl.tailcap, b->buf, b->len);
#ifdef F_SETPIPE_SZ
	/* Fewer, larger reads from a pipe (Linux; a refusal changes nothing). */
	fcntl(b->fd, F_SETPIPE_SZ, 1 << 20);
#endif
	/* This thread is one of the workers; fewer when a thread cannot start. */
	int nth = ty->threads - 1;
	pthread_t *th = xmalloc((size_t)(nth > 0 ? nth : 1) * sizeof *th);
	for (int i = 0; i < nth; i++)
		if (pthread_create(&th[i], NULL, pipe_worker, &pl) != 0)
			nth = i;
	pipe_worker(&pl);
	for (int i = 0; i < nth; i++)
		pthread_join(th[i], NULL);
	free(th);

	int ret = 0;
	if (pl.bad >= 0 || pl.nul) {
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
		append(&rest, &nrest, &restcap, pl.tail, pl.ntail);
		csvin_body r = *b;
		r.buf = rest;
		r.len = nrest;
		r.line = line;
		if (pl.nul || !pl.badfits || !pl.badcut) {
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
	free(pl.tail);
	for (long i = 0; i < pl.nblk; i++)
		free(pl.blk[i].buf);
	free(pl.blk);
	pthread_mutex_destroy(&pl.rd);
	pthread_mutex_destroy(&pl.mu);
	pthread_cond_destroy(&pl.cv);
	return ret;
}
