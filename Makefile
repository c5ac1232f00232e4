# disparity - see README.md.  GNU make.
#
# B is the build directory prefix: empty builds in place (stats/libdisparity.a,
# bin/disp-*); `make check` also builds a sanitizer copy under build/san/.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
VERSION = 0.1.0

# The user's CC, CFLAGS, CPPFLAGS, LDFLAGS and LDLIBS are respected; ours are
# added to them.  Warnings are errors in `make check` (and so in CI), not in
# a plain `make`, where a newer compiler's new warning must not stop a build.
CC ?= cc
CFLAGS ?= -O2 -g
WERROR =
WARN = -std=c11 -Wall -Wextra $(WERROR)
ALL_CFLAGS = $(WARN) -pthread -D_POSIX_C_SOURCE=200809L -DDISP_VERSION='"$(VERSION)"' \
	-Istats -Ibin $(CPPFLAGS) $(CFLAGS)
DISP_LIBS = -lcsv -lgsl -lgslcblas -lm -pthread
# gcc's undefined leaves out float-cast-overflow (a NaN or inf cast to an
# integer), which clang's fuzz build found twice: asked for by name.
SAN = -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer -fno-sanitize-recover=all

B =
TOOLS = disp-count disp-rate disp-check disp-adjust disp-plot disp-stages disp-report disp-test disp-funnel disp-strata

STATS_SRC = $(wildcard stats/*.c)
CLI_SRC = $(filter-out bin/disp-%.c,$(wildcard bin/*.c))
UNIT_SRC = $(wildcard tests/unit/test_*.c)
# Every tests/fuzz/fuzz_*.c is a libFuzzer harness (see README.md, Fuzzing).
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES = $(FUZZ_SRC:tests/fuzz/%.c=%)

LIB = $(B)stats/libdisparity.a
CLI_OBJ = $(CLI_SRC:%.c=$(B)%.o)
BINS = $(TOOLS:%=$(B)bin/%)
UNITS = $(UNIT_SRC:%.c=$(B)%)
# Each filter's main() compiled again as FILTER_main() (disp-rate:
# disp_rate_main), so that a harness can run the whole filter in-process.
FILTER_MAINS = $(TOOLS:%=$(B)tests/fuzz/main-%.o)
REPLAYS = $(FUZZ_NAMES:%=$(B)tests/fuzz/replay-%)
FUZZERS = $(FUZZ_NAMES:%=$(B)tests/fuzz/%)

all: $(LIB) $(BINS)

$(B)%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(STATS_SRC:%.c=$(B)%.o)
	rm -f $@
	$(AR) rcs $@ $^

$(B)bin/disp-%: $(B)bin/disp-%.o $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(DISP_LIBS)

$(B)tests/unit/test_%: $(B)tests/unit/test_%.o $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(DISP_LIBS)

$(B)tests/coverage: $(B)tests/coverage.o $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(DISP_LIBS)

# What each method of fuzz_stats costs (see tests/fuzz/stats-times.c).
$(B)tests/fuzz/stats-times: $(B)tests/fuzz/stats-times.o $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(DISP_LIBS)

$(B)tests/roundtrip: $(B)tests/roundtrip.o $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(DISP_LIBS)

$(B)tests/fuzz/main-%.o: bin/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Dmain=$(subst -,_,$*)_main -MMD -MP -c $< -o $@

# A harness with the replay driver (any compiler; make check), or with
# libFuzzer (clang; make fuzz).
$(B)tests/fuzz/replay-%: $(B)tests/fuzz/%.o $(B)tests/fuzz/replay.o $(FILTER_MAINS) $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(FUZZ_WRAP) -o $@ $^ $(LDLIBS) $(DISP_LIBS)

$(B)tests/fuzz/fuzz_%: $(B)tests/fuzz/fuzz_%.o $(FILTER_MAINS) $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(FUZZ_WRAP) -fsanitize=fuzzer -o $@ $^ $(LDLIBS) $(DISP_LIBS)

# A whole filter's harness (tests/fuzz/filter.h) keeps account of what each
# run allocates, to free what an error exit leaves behind.
FUZZ_WRAP_FNS = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free,--wrap=csv_init,--wrap=open_memstream
$(B)tests/fuzz/fuzz_disp_% $(B)tests/fuzz/replay-fuzz_disp_% $(B)tests/fuzz/fuzz_csvin \
$(B)tests/fuzz/replay-fuzz_csvin: FUZZ_WRAP = $(FUZZ_WRAP_FNS)

# The counting benchmark's record generator: standalone C, no library.
$(B)tests/bench/records: $(B)tests/bench/records.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The suite, once: unit tests (TAP) then command-line golden tests.  The
# coverage program, the benchmark's generator and fuzz_stats's timer are
# built (so that they cannot rot) but not run.
build: all $(UNITS) $(REPLAYS) $(B)tests/coverage $(B)tests/roundtrip $(B)tests/bench/records \
	$(B)tests/fuzz/stats-times

test: build
	@B='$(B)' SUITE='$(SUITE)' sh tests/run-suite $(UNITS)

# Everything the README promises: dependencies, then the suite built
# normally and again under AddressSanitizer + UndefinedBehaviorSanitizer
# (there the light suite: smaller generated inputs, see tests/run-suite),
# warnings as errors; disp-count's threads under ThreadSanitizer (the
# data races no output would show).  Where clang is installed the sources
# are compiled with it too, for its warnings.  Each build has a directory of its own, so
# objects from a plain `make` never stand in for ones built with -Werror.
check: deps
	$(MAKE) WERROR=-Werror B=build/check/ test
	$(MAKE) WERROR=-Werror B=build/san/ CFLAGS='-O1 -g $(SAN)' LDFLAGS='$(SAN)' SUITE=light test
	$(MAKE) -s WERROR=-Werror B=build/tsan/ CFLAGS='-O1 -g -fsanitize=thread' \
		LDFLAGS='-fsanitize=thread' build/tsan/bin/disp-count
	@if build/tsan/bin/disp-count --version >/dev/null 2>&1; then \
		sh tests/threads.sh build/tsan/bin/disp-count >build/tsan/threads.tap || \
		{ grep -v '^ok' build/tsan/threads.tap; exit 1; }; \
		echo "threads: $$(grep -c '^ok' build/tsan/threads.tap) runs of disp-count's fast reader clean under ThreadSanitizer"; \
	else echo "ThreadSanitizer cannot run here: the threads test is skipped"; fi
	@if command -v clang >/dev/null; then \
		$(MAKE) -s WERROR=-Werror B=build/clang/ CC=clang build && echo "clang: no warnings"; \
	else echo "clang not installed: its warnings not checked"; fi

demo: deps all
	@sh scripts/demo
	@bin/disp-report -e arrests -n searches -r White -o out/report \
		fixtures/stop-search-2016-17.csv >/dev/null
	@echo "Report: out/report/index.html"

# The README's chart: the demo's forest chart, redrawn.
images: all
	mkdir -p docs
	bin/disp-rate -e arrests -n searches -r White --adjust holm \
		fixtures/stop-search-2016-17.csv | bin/disp-plot forest \
		--title "Arrest after stop and search against White, 2016/17 (95% intervals, Holm-adjusted p)" \
		-o docs/forest.png
	bin/disp-funnel -e arrests -n searches --limits fixtures/stop-search-2016-17.csv \
		> docs/funnel-limits.csv
	bin/disp-funnel -e arrests -n searches fixtures/stop-search-2016-17.csv | \
		bin/disp-plot funnel --per 100 --limits docs/funnel-limits.csv -o docs/funnel.png
	rm -f docs/funnel-limits.csv

# Packages for building, testing, running and charting; deps-refs adds R,
# Python and clang for make refs, make bench and the fuzzers; deps-bench
# the peers and timers of the counting benchmark.
deps:
	@sh scripts/install-deps

deps-refs:
	@sh scripts/install-deps refs

deps-bench:
	@sh scripts/install-deps bench

deps-browser:
	@sh scripts/install-deps browser

# GNU parallel, sshd and PostgreSQL: `make check` runs their tests where
# they are installed and skips them, saying so, where not.
deps-scale:
	@sh scripts/install-deps scale

# disp-report's page in headless Chromium: it renders, and is not blank.
browser-test: deps-browser all
	@sh tests/browser.sh

refs: deps-refs
	sh tests/refs/generate

# Method, tables compared, largest relative error, reference used.
accuracy: $(B)tests/unit/test_refs
	@./$(B)tests/unit/test_refs | sed -n 's/^# //p' | grep -v '^ '

# Exact coverage of every interval on a grid of parameters, two-sided and each
# one-sided bound (slow; not in check).
coverage: $(B)tests/coverage
	./$(B)tests/coverage
	./$(B)tests/coverage 0.95 greater | sed 1d
	./$(B)tests/coverage 0.95 less | sed 1d

# Speed against scipy on the same tables, and disp-count's against the
# floor, a pipe and its peers on a large record file, as ratios (not in
# check).  bench-count is the counting part alone (BENCH_ROWS=1000000 for a
# quick one).
bench: deps-refs deps-bench all tests/bench/records
	sh tests/bench/run

bench-count: deps-bench all tests/bench/records
	sh tests/bench/count.sh

# libFuzzer on every harness (or those in FUZZ_ONLY) for FUZZ_SECONDS each,
# or FUZZ_RUNS executions, ASan+UBSan, the corpus seeded from
# tests/fuzz/seeds, fixtures/ and tests/ (not in check: make check replays
# the seeds and every past finding).
FUZZ_SECONDS ?= 60
FUZZ_SAN = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
fuzz: deps-refs
	$(MAKE) -s B=build/fuzz/ CC=clang CFLAGS='-O1 -g $(FUZZ_SAN)' \
		LDFLAGS='-fsanitize=address,undefined' fuzzers
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) sh tests/fuzz/run $(or $(FUZZ_ONLY),$(FUZZ_NAMES))

fuzzers: $(FUZZERS)

# The golden tests under valgrind memcheck: zero errors, no leaks (not in
# check: it takes minutes; see tests/valgrind.sh).
valgrind:
	$(MAKE) -s B=build/vg/ CFLAGS='-O1 -g' build
	sh tests/valgrind.sh build/vg/

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)
	for t in $(TOOLS); do \
		cp bin/$$t $(DESTDIR)$(BINDIR)/$$t && \
		cp bin/$$t.1 $(DESTDIR)$(MANDIR)/$$t.1 || exit 1; done
	cp scripts/disp-count-parallel $(DESTDIR)$(BINDIR)/disp-count-parallel

uninstall:
	for t in $(TOOLS); do \
		rm -f $(DESTDIR)$(BINDIR)/$$t $(DESTDIR)$(MANDIR)/$$t.1; done
	rm -f $(DESTDIR)$(BINDIR)/disp-count-parallel

clean:
	rm -rf build stats/*.o stats/*.d stats/*.a bin/*.o bin/*.d \
		$(TOOLS:%=bin/%) tests/unit/*.o tests/unit/*.d $(UNIT_SRC:%.c=%) \
		tests/coverage tests/coverage.o tests/coverage.d \
		tests/roundtrip tests/roundtrip.o tests/roundtrip.d \
		tests/bench/records tests/bench/records.o tests/bench/records.d \
		tests/fuzz/*.o tests/fuzz/*.d tests/fuzz/replay-* tests/fuzz/stats-times

.PHONY: all build test check valgrind fuzz fuzzers demo images deps deps-refs deps-bench deps-browser deps-scale browser-test refs accuracy coverage bench bench-count install uninstall clean
.SECONDARY:

-include $(shell find . -name '*.d' 2>/dev/null)
