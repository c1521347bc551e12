# newsstream: two commands do all the set-up on a fresh machine
# (Python 3.11, Java 17 and Maven installed):
#   make demo   start Kafka, run a worker, replay the sample stream, show the outcome
#   make test   unit tests, then integration tests against a real local broker
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?= -m "not experimental"

.PHONY: install demo test test-unit test-experimental kafka-up kafka-down clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	@touch $@

install: $(STAMP)

demo: install
	$(BIN)/newsstream demo

# The broker is started for the run and stopped afterwards, unless one was
# already answering (then it is left alone).
test: install
	@started=0; \
	if ! $(BIN)/newsstream kafka status 2>/dev/null; then $(BIN)/newsstream kafka up && started=1 || exit 1; fi; \
	$(BIN)/pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$started = 1 ]; then $(BIN)/newsstream kafka down; fi; \
	exit $$rc

test-unit: install
	$(BIN)/pytest -m "not integration"

# faust-streaming's exactly-once mode under crash and rebalance: a
# measurement of an upstream experimental feature (README, "Processing
# guarantee"), so it is not a gate of `make test`.
test-experimental: install
	$(MAKE) test PYTEST_ARGS="-m experimental"

kafka-up: install
	$(BIN)/newsstream kafka up

kafka-down: install
	$(BIN)/newsstream kafka down

clean:
	rm -rf $(VENV) var out .pytest_cache .hypothesis
