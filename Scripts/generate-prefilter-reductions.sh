#!/usr/bin/env bash
# Regenerates Sources/WireDiff/Text/BoilerplatePrefilter+Reductions.swift (the pre-filter's
# substring reductions, worked out ahead so that no process redoes them at start-up) from the
# boilerplate rules in Sources/WireDiff/Text/BoilerplateRule+Table.swift. Run it after changing
# a rule: until then BoilerplatePrefilterReductionsTests fails (the pre-filter still works,
# reducing at start-up). It runs that test with WIREDIFF_REGENERATE=1, which writes the file.
#
#   Scripts/generate-prefilter-reductions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WIREDIFF_REGENERATE=1 swift test --filter BoilerplatePrefilterReductionsTests/reductionsAreTheRulesOwn
git diff --stat -- Sources/WireDiff/Text/BoilerplatePrefilter+Reductions.swift
