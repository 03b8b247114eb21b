# Makefile — build, test, run, bench, fuzz and install fazhi.
#
#   make run        install what is missing, build, open the browser on the samples
#   make test       install what is missing, build, run every test suite
#   make bench      speed figures (never a timed test); BENCH_FULL=1 on 30,000 generated reports,
#                   BENCH_SCALE=1 also 300,000 (about 9 GB) beside them; BENCH_CORPUS_DIR= where the
#                   generated corpora go (default build/bench)
#   make fuzz       libFuzzer targets (clang), FUZZ_SECONDS each
#   make eval       accuracy on the real, the written and the sample reports (EVAL_FLAGS=-q: tables only)
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
BUILD ?= build
FUZZ_SECONDS ?= 60

PKG_CONFIG ?= pkg-config
NCURSES_CFLAGS = $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
NCURSES_LIBS = $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
# Published formats: libxml2 (HTML, Word's XML), libzip (.docx), poppler-glib (PDF text).
# They give only their headers here: the converters load each library (src/dynlib.c, with
# dlopen, from libc since glibc 2.34) when the first file that needs it is read, so they and
# what they pull in (ICU, libstdc++, cairo, NSS: some fifty libraries) cost nothing to a
# process that reads none. Only test_19_docx links libzip, to make Word files of its own.
FORMAT_PKGS = libxml-2.0 libzip poppler-glib
FORMAT_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(FORMAT_PKGS) 2>/dev/null)
ZIP_LIBS = $(shell $(PKG_CONFIG) --libs libzip 2>/dev/null || echo -lzip)

CFLAGS ?= -O2 -g
override CFLAGS += -std=c11 -Wall -Wextra -pthread -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
CPPFLAGS += -Iinclude -MMD -MP
LDLIBS += -lunistring -lm
# fazhi itself links ncursesw and libunistring from their archives when they are installed
# (Debian's -dev packages have them): a search is a whole process, and each shared library
# costs every run about half a millisecond to map and relocate. libc stays shared; libm is not
# mapped (mathfn.h has the few functions fazhi used it for, and the tests compare them with it):
# libc comes first, so that what both define binds to it, and libm is linked only if a build
# without optimisation leaves a call to it (floor, ceil).
static_lib = $(filter /%,$(shell $(CC) -print-file-name=lib$(1).a))
STATIC_LIBS = $(if $(and $(call static_lib,ncursesw),$(call static_lib,tinfo),$(call static_lib,unistring)),yes)
ARCHIVED_LIBS = -Wl,-Bstatic -lncursesw -ltinfo -lunistring -Wl,-Bdynamic
FAZHI_LIBS = $(if $(STATIC_LIBS),$(ARCHIVED_LIBS),$(NCURSES_LIBS) -lunistring) -Wl,--as-needed -lc -lm

# Debian packages the build and the tests need (libncurses-dev provides ncursesw).
DEB_PACKAGES = gcc make pkg-config libncurses-dev libunistring-dev libcmocka-dev tmux \
	libxml2-dev libzip-dev libpoppler-glib-dev locales
BENCH_DEB_PACKAGES = ripgrep sqlite3

SRC = $(wildcard src/*.c)
UI_SRC = $(filter src/ui%.c,$(SRC))
FRONT_SRC = $(UI_SRC) $(filter src/cli%.c,$(SRC)) src/main.c
MODEL_SRC = $(filter-out $(FRONT_SRC),$(SRC))
MODEL_OBJ = $(MODEL_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/assets.o
FRONT_OBJ = $(FRONT_SRC:src/%.c=$(BUILD)/obj/%.o)
ASSET_FILES = $(sort $(wildcard assets/reports/*.txt) $(wildcard assets/*.tsv))

TEST_SRC = $(sort $(wildcard tests/test_*.c))
TEST_BIN = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES = $(FUZZ_SRC:tests/fuzz/%.c=%)
FUZZ_CFLAGS = -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
HAVE_LIBFUZZER = $(shell echo 'int LLVMFuzzerTestOneInput(const char *d, long n){return 0;}' | \
	clang -x c -fsanitize=fuzzer -o /dev/null - >/dev/null 2>&1 && echo yes)

.PHONY: all run test check deps bench-deps bench fuzz fuzz-smoke fuzz-build install uninstall clean sanitize eval

all: $(BUILD)/fazhi

$(BUILD)/fazhi: $(FRONT_OBJ) $(MODEL_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(FAZHI_LIBS)

$(BUILD)/obj/ui%.o: src/ui%.c | $(BUILD)/obj
	$(CC) $(CPPFLAGS) $(NCURSES_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/obj
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# Only the converters of published formats see the libraries' headers.
$(BUILD)/obj/extract%.o: CPPFLAGS += $(FORMAT_CFLAGS)

$(BUILD)/obj/main.o: CPPFLAGS += $(NCURSES_CFLAGS)

$(BUILD)/obj/assets.o: $(BUILD)/assets.c | $(BUILD)/obj
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The embedded corpus: every file under assets/reports and assets/*.tsv as a byte array.
$(BUILD)/assets.c: $(ASSET_FILES) Makefile | $(BUILD)/obj
	@echo "  GEN     $@"
	@{ echo '/* Generated from assets/ by the Makefile; do not edit. */'; \
	   echo '#include <string.h>'; echo '#include "assets.h"'; \
	   n=0; for f in $(ASSET_FILES); do \
	     echo "static const unsigned char asset_$$n[] = {"; \
	     od -An -v -tx1 "$$f" | sed -e 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	     echo '0x00};'; n=$$((n+1)); done; \
	   echo 'const struct asset assets[] = {'; \
	   n=0; for f in $(ASSET_FILES); do \
	     echo "{ \"$${f#assets/}\", asset_$$n, sizeof asset_$$n - 1 },"; n=$$((n+1)); done; \
	   echo '{ 0, 0, 0 } };'; \
	   echo 'const struct asset *assets_find(const char *name)'; \
	   echo '{ for (const struct asset *a = assets; a->name; a++) if (strcmp(a->name, name) == 0) return a; return 0; }'; \
	 } > $@.tmp && mv $@.tmp $@

# Tests link the model as an archive, so each pulls in only the modules it uses.
$(BUILD)/libfazhi.a: $(MODEL_OBJ)
	rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/tests/%: tests/%.c $(BUILD)/libfazhi.a | $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libfazhi.a $(CMOCKA_LIBS) $(LDLIBS)

$(BUILD)/tests/test_19_docx: LDLIBS += $(ZIP_LIBS)

$(BUILD)/obj $(BUILD)/tests:
	@mkdir -p $@

# Installs what is missing as root with apt-get, else prints the command to run.
define install_packages
@missing=""; for p in $(1); do \
  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
  if ! command -v dpkg-query >/dev/null 2>&1; then \
    echo "fazhi: cannot check packages here; make sure these are installed:$$missing" >&2; \
  elif [ "$$(id -u)" = 0 ]; then \
    echo "Installing:$$missing"; \
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing >/dev/null || exit 1; \
  else \
    echo "fazhi needs these packages. Run this, then make again:" >&2; \
    echo "  sudo apt-get install$$missing" >&2; exit 1; \
  fi; \
fi
endef

deps:
	$(call install_packages,$(DEB_PACKAGES))

# The builds of set-up and tests use every core, unless make was given -j itself.
JOBS ?= $(shell nproc 2>/dev/null || echo 1)
SUBMAKE_J = $(if $(findstring jobserver,$(MAKEFLAGS)),,-j$(JOBS))

# What `make bench` compares fazhi with: ripgrep and SQLite FTS5 (trigram).
bench-deps:
	$(call install_packages,$(BENCH_DEB_PACKAGES))

run: deps
	@$(MAKE) --no-print-directory $(SUBMAKE_J) all
	./$(BUILD)/fazhi

test check: deps
	@$(MAKE) --no-print-directory $(SUBMAKE_J) all tests
	@$(MAKE) --no-print-directory sanitize
	@BUILD=$(BUILD) HAVE_LIBFUZZER=$(HAVE_LIBFUZZER) sh tests/run.sh

tests: $(TEST_BIN)

# Every cmocka suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize:
	@$(MAKE) --no-print-directory $(SUBMAKE_J) BUILD=build/san CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" LDFLAGS="-fsanitize=address,undefined" tests

# libFuzzer targets: model objects rebuilt with clang under build/fuzz.
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(BUILD)/libfazhi.a
	$(CC) $(CPPFLAGS) $(CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< $(BUILD)/libfazhi.a $(LDLIBS)

# The seed index files of fuzz_cache are made by the fuzzers' own library (tests/fuzz/run.sh),
# so that a change of the index's format leaves no seed the first check refuses.
$(BUILD)/make_cache_seeds: tests/fuzz/make_cache_seeds.c $(BUILD)/libfazhi.a
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libfazhi.a $(LDLIBS)

fuzz-build:
	@$(MAKE) --no-print-directory $(SUBMAKE_J) BUILD=build/fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS)" \
		$(FUZZ_NAMES:%=build/fuzz/%) build/fuzz/make_cache_seeds

# Each target runs FUZZ_SECONDS from its seeds; crashes land in build/fuzz/crashes.
fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_NAMES)

# The short run that make test does, when clang's fuzzer runtime is installed.
fuzz-smoke:
	@if [ "$(HAVE_LIBFUZZER)" = yes ]; then \
	  $(MAKE) --no-print-directory fuzz-build && sh tests/fuzz/run.sh 4 $(FUZZ_NAMES); \
	else echo "fuzz: clang's libFuzzer runtime not installed; smoke run skipped"; fi

bench: deps bench-deps all
	@$(MAKE) --no-print-directory $(BUILD)/libfazhi.a
	@sh tests/ui/bench_frame.sh
	@echo
	@sh tests/bench.sh
	@echo
	@sh tests/bench_query.sh
	@echo
	@sh tests/bench_startup.sh
	@echo
	@sh tests/bench_index.sh
	@echo
	@sh tests/bench_table.sh
	@echo
	@sh tests/bench_facts.sh
	@echo
	@sh tests/bench_formats.sh
	@echo
	@sh tests/bench_trend.sh
	@if [ "$${BENCH_SCALE:-0}" = 1 ]; then echo; sh tests/bench_scale.sh; fi

# Accuracy against hand-made answers; reports measured, never a pass/fail test. Each set of
# written reports is a directory tests/SET with reports/, truth.tsv, labels.tsv and metrics.tsv.
EVAL_FLAGS ?=
EVAL_SETS = real forms forms3 forms4 forms5 forms6 forms7 forms8 forms9 forms10 forms11 forms12 forms13 forms14 forms15 forms16 forms17 forms18 forms19 forms20 forms21 forms22 forms23 forms24 forms25 forms26 forms27 forms28 forms29 forms30 forms31 forms32 forms33 forms34 forms35 forms36 forms37 forms38 forms39 forms40 forms41 forms42 forms43 forms44 forms45 forms46 forms47 forms48 forms49 forms50 forms51 forms52 forms53 forms54 forms55 forms56 forms57 forms58 forms59 forms60 forms61 forms63 forms64 forms65 forms66 forms67 forms68 forms69 forms70 forms71 forms72 forms73 forms74 forms75 forms76 forms77 forms78 forms79 forms80 forms81 forms82 forms83 forms84 forms85 forms86 forms87 forms88 forms89 forms90 forms91 forms92 forms93 forms94 forms95 forms96 forms97 forms98 forms99 forms100 forms101 forms102 forms103 forms104 forms105 forms106 forms107 forms108 forms109 forms110 forms111 forms112 forms113 forms114 forms115 forms116 forms117 forms118 forms119 forms120 forms121 forms122 forms123 forms124 forms125 forms126 forms127 forms128 forms129 forms130 forms131 forms132 forms133 forms134 forms135 forms136 forms137 forms138 forms139 forms140 forms141 forms142 forms143 forms144 forms145 forms146 forms147 forms148 forms149 forms150 forms151 forms152 forms153 forms154 forms155 forms156 forms157 forms158 forms159 forms160 forms161 forms162 forms163 forms164 forms165 forms166 forms167 forms168 forms169 forms170 forms171 forms172 forms173 forms174 forms175 forms176 forms177 forms178 forms179 forms180 forms181 forms182 forms183 forms184 forms185 forms186 forms187 forms188 forms189 forms190 forms191 forms192 forms193 forms194 forms195 forms196 forms197 forms198 forms199 forms200 forms201 forms202 forms203 forms204 forms205 forms206 forms207 forms208 forms209 forms210 forms211 forms212 forms213 forms214 forms215 forms216 forms217 forms218 forms219 forms220 forms221 forms222 forms223 forms224 forms225 forms226 forms227 forms228 forms229 forms230 forms231 forms232 forms233 forms234 forms235 forms236 forms237 forms238 forms239 forms240 forms241 forms242 forms243 forms244 forms245 forms246 forms247 forms248 forms249 forms250 forms251 forms252 forms253 forms254 forms255 forms256 forms257 forms258 forms259 forms260 forms261 forms262 forms263 forms264 forms265 forms266 forms267 forms268 forms269 forms270 forms271 forms272 forms273 forms274 forms275 forms276 forms277 forms278 forms279 forms280 forms281 forms282 forms283 forms284 forms285 forms286 forms287 forms288 forms289 forms290 forms291 forms292 forms293 forms294 forms295 forms296 forms297 forms298 forms299 forms300 forms301 forms302 forms303 forms304 forms305 forms306 forms307 forms308 forms309 forms310 forms311 forms312 forms313 forms314 forms315 forms316 forms317 forms318 forms319 forms320 forms321 forms322 forms323 forms324 forms325 forms326 forms327 forms328 forms329 forms330 forms331 forms332 forms333 forms334 forms335 forms336 forms337 forms338 forms339 forms340 forms341 forms342 forms343 forms344 forms345
eval_set = --set $(1) --reports tests/$(1)/reports --truth tests/$(1)/truth.tsv \
	--labels tests/$(1)/labels.tsv --metrics tests/$(1)/metrics.tsv
eval: $(BUILD)/tests/eval_real
	./$(BUILD)/tests/eval_real $(EVAL_FLAGS) $(foreach s,$(EVAL_SETS),$(call eval_set,$(s))) \
	  --set samples --reports assets/reports \
	    --labels tests/data/seed-labels.tsv --metrics tests/data/seed-metrics.tsv

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/fazhi/reports $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/fazhi $(DESTDIR)$(PREFIX)/bin/fazhi
	install -m 644 assets/reports/*.txt $(DESTDIR)$(PREFIX)/share/fazhi/reports/
	install -m 644 assets/fazhi.1 $(DESTDIR)$(PREFIX)/share/man/man1/fazhi.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/fazhi $(DESTDIR)$(PREFIX)/share/man/man1/fazhi.1
	rm -rf $(DESTDIR)$(PREFIX)/share/fazhi

clean:
	rm -rf build

-include $(wildcard $(BUILD)/obj/*.d)
