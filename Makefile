# make is the entry point: `make demo` and `make test` set everything up themselves.
VENV := .venv
BIN := $(VENV)/bin
SOURCES := rakparse tests benchmarks scripts

.PHONY: setup demo test lint format golden bench eval eval-ocr lexicon pairs clean

setup:
	@bash scripts/setup.sh

demo: setup
	@mkdir -p out
	$(BIN)/rakparse convert samples/kpu-tabanan-2023.txt -o out/kpu-tabanan-2023.json
	$(BIN)/rakparse convert samples/kpu-tabanan-2023.txt -o out/kpu-tabanan-2023.csv
	$(BIN)/rakparse convert samples/rak-tabanan-text.pdf -o out/rak-tabanan-text.json
	@echo "wrote out/kpu-tabanan-2023.json, out/kpu-tabanan-2023.csv and out/rak-tabanan-text.json; the first rows:"
	@head -n 4 out/kpu-tabanan-2023.csv | cut -c 1-150

test: setup lint
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)
	$(BIN)/mypy

format: setup
	$(BIN)/ruff format $(SOURCES)
	$(BIN)/ruff check --fix $(SOURCES)

# Regenerate the expected outputs of samples/; review them with `git diff samples/`.
golden: setup
	$(BIN)/python scripts/make_golden.py

# Benchmarks (not tests): figures with their baselines, measured in the same run.
# OCR timings are slow: `make bench BENCH_OCR=--ocr` adds them.
bench: setup
	$(BIN)/python benchmarks/bench_core.py
	$(BIN)/python benchmarks/correction_eval.py
	$(BIN)/python benchmarks/bench_pdf.py $(BENCH_OCR)
	$(BIN)/python benchmarks/bench_batch.py

eval: setup
	$(BIN)/python benchmarks/correction_eval.py $(ARGS)

# the same measures on real OCR errors: Tesseract reading degraded scans of the sets
eval-ocr: setup
	$(BIN)/python benchmarks/ocr_eval.py

# Regenerate rakparse/data/lexicon-id.txt and english-id.txt (after upgrading wordfreq),
# stems-id.txt and non-kbbi-id.txt (these need Debian's hunspell-id; the last reads it
# with spylls, installed here, not at run time); review the diff.
lexicon: setup
	$(BIN)/python scripts/make_lexicon.py
	$(BIN)/python scripts/make_stems.py
	$(BIN)/pip install --quiet spylls
	$(BIN)/python scripts/make_non_kbbi.py

# Regenerate rakparse/data/pairs-id.bin, plan-words-id.txt and plan-case-id.txt, the
# word pairs, word counts and case counts of corpus/rak/ (commit them with the texts).
pairs: setup
	$(BIN)/python scripts/make_pairs.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache .hypothesis
