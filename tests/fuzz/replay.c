/*
 * replay.c - runs a libFuzzer harness without libFuzzer: each file named
 * (or each file in each directory named) is passed once to
 * LLVMFuzzerTestOneInput.  `make check` links every harness with this
 * driver, under gcc and under ASan+UBSan, and replays its regression
 * inputs (tests/fuzz/regress/NAME/) and seeds, so a fixed finding stays
 * fixed without clang.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static long runs;

static void one(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(66);
	}
	size_t cap = 4096, n = 0, r;
	uint8_t *buf = malloc(cap);
	while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0)
		if ((n += r) == cap)
			buf = realloc(buf, cap *= 2);
	if (!buf) {
		fputs("replay: out of memory\n", stderr);
		exit(71);
	}
	fclose(f);
	/* An exact-size copy, so ASan sees a read one past the input. */
	uint8_t *in = malloc(n ? n : 1);
	memcpy(in, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(in, n);
	free(in);
	runs++;
}

static void walk(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		exit(66);
	}
	if (!S_ISDIR(st.st_mode)) {
		one(path);
		return;
	}
	DIR *d = opendir(path);
	if (!d) {
		perror(path);
		exit(66);
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		char *p = malloc(len);
		snprintf(p, len, "%s/%s", path, e->d_name);
		walk(p);
		free(p);
	}
	closedir(d);
}

int main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++)
		walk(argv[i]);
	printf("%ld inputs\n", runs);
	return 0;
}
