# Steward: the two commands of the README, plus the developer's helpers.
#
#   make demo   install what is missing, build, and run the whole loop on the bundled example
#   make test   install what is missing (and what the tests need), build, and run every test
#
# Debian packages are installed only when missing; installing needs root (or sudo).

SWIFT ?= swift
BUILD_FLAGS ?=
BIN_DIR = $(shell $(SWIFT) build $(BUILD_FLAGS) --show-bin-path)

# What building and running the demo needs.
DEMO_PACKAGES = git pkg-config libgit2-dev libssl-dev openssh-client ca-certificates
# What the tests need on top: a real Prometheus and promtool, libyaml for the benchmark's
# reference parser; sshd, stunnel and openssl for the Git transport tests (ssh://, https://).
# kubectl is checked separately (see below).
TEST_PACKAGES = $(DEMO_PACKAGES) prometheus libyaml-dev openssh-server stunnel4 openssl

.PHONY: demo test build setup-demo setup-test format lint bench image clean

demo: setup-demo build
	"$(BIN_DIR)/steward" demo

test: setup-test
	$(SWIFT) build $(BUILD_FLAGS) --build-tests
	$(SWIFT) test $(BUILD_FLAGS) --skip-build

build:
	$(SWIFT) build $(BUILD_FLAGS) --product steward

setup-demo:
	@scripts/install-packages $(DEMO_PACKAGES)

# Debian's kubernetes-client conflicts with the kubectl these machines ship (1.32 with
# kustomize v5.5.0), so it is installed only where no kubectl exists at all.
setup-test:
	@scripts/install-packages $(TEST_PACKAGES)
	@command -v kubectl >/dev/null 2>&1 || scripts/install-packages kubernetes-client

format:
	$(SWIFT) format format --in-place --recursive --parallel Package.swift Sources Tests Benchmarks

lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests Benchmarks

# Every benchmark product, in release mode; each prints its own figures.
BENCHMARKS = yaml-bench profile-bench inventory-bench analysis-bench

bench: setup-test
	@for product in $(BENCHMARKS); do \
		echo "== $$product"; \
		$(SWIFT) run -c release $$product || exit 1; \
	done

# The image deploy/ runs (Containerfile); docker or podman, whichever is installed.
CONTAINER ?= $(shell command -v podman 2>/dev/null || command -v docker 2>/dev/null)
IMAGE ?= ghcr.io/steward-dev/steward:0.1.0

image:
	@test -n "$(CONTAINER)" || { echo "make image needs docker or podman" >&2; exit 1; }
	$(CONTAINER) build -f Containerfile -t $(IMAGE) .

clean:
	rm -rf .build
