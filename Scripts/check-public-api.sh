#!/usr/bin/env bash
# Checks that the library's public API is enough for a program outside the package, and lists it.
#
#   Scripts/check-public-api.sh [--list] [MODULES_DIR]     (default .build/release/Modules)
#
# Tests inside the package see `package` declarations too, so they cannot show that a library
# user can do the job. This script type-checks every Swift example that imports WireDiff in
# Documentation/Library.md as a separate program would compile it (no package name, so only
# `public` declarations are visible); run it after `swift build` (CI runs it after the release
# build). `--list` also prints the public types and the number of public symbols, from the
# module's symbol graph.
set -euo pipefail
cd "$(dirname "$0")/.."
list=0
if [ "${1:-}" = "--list" ]; then list=1; shift; fi
modules=${1:-.build/release/Modules}
[ -f "$modules/WireDiff.swiftmodule" ] || { echo "check-public-api: no WireDiff.swiftmodule in $modules: swift build first" >&2; exit 66; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import re, sys
text = open("Documentation/Library.md", encoding="utf-8").read()
blocks = [b for b in re.findall(r"```swift\n(.*?)```", text, re.S) if "import WireDiff" in b]
if not blocks:
    sys.exit("check-public-api: no example importing WireDiff in Documentation/Library.md")
for i, block in enumerate(blocks):
    open(f"{sys.argv[1]}/example{i}.swift", "w", encoding="utf-8").write(block)
PY
for example in "$work"/example*.swift; do
    if ! swiftc -typecheck -I "$modules" "$example" 2>"$work/errors"; then
        echo "check-public-api: an example of Documentation/Library.md needs more than the public API:" >&2
        grep -E "error:" "$work/errors" >&2 || cat "$work/errors" >&2
        exit 1
    fi
done
echo "check-public-api: the examples of Documentation/Library.md compile against the public API" >&2

if [ $list = 1 ]; then
    target=$(swiftc -print-target-info | python3 -c 'import json,sys; print(json.load(sys.stdin)["target"]["triple"])')
    swift-symbolgraph-extract -module-name WireDiff -I "$modules" -target "$target" \
        -minimum-access-level public -output-dir "$work" >/dev/null
    python3 - "$work/WireDiff.symbols.json" <<'PY'
import json, sys
symbols = json.load(open(sys.argv[1]))["symbols"]
kinds = ("swift.struct", "swift.class", "swift.enum", "swift.protocol", "swift.typealias")
types = sorted(".".join(s["pathComponents"]) for s in symbols if s["kind"]["identifier"] in kinds)
print(f"{len(symbols)} public symbols, {len(types)} public types:")
print(" ".join(types))
PY
fi
