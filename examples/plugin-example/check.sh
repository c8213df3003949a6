#!/usr/bin/env bash
# End-to-end check of the plugin mechanism, as a plugin author would use it:
#   1. install gfn4j's parent pom and gfn4j-api into the local Maven repository,
#   2. build this example plugin against that installed api alone (its tests use the conformance kit),
#   3. copy its jar into a temporary plugins folder,
#   4. `gfn4j plugins --plugins DIR` must list its providers with their jar,
#   5. `gfn4j train --plugins DIR --set env.name=bitstrings --set objective.name=hellinger` must run
#      to completion and print an L1.
# Needs the launcher layout of a built runtime (`mvn -B verify` or `mvn -B package` first).
# GFN4J_MVN_ARGS adds Maven options, e.g. GFN4J_MVN_ARGS="-o -Dmaven.repo.local=/tmp/m2" to keep
# the check away from a shared ~/.m2.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
read -r -a EXTRA <<< "${GFN4J_MVN_ARGS:-}"
MVN=(mvn -B -q "${EXTRA[@]}")

if [ ! -d runtime/target/launcher/modules ]; then
  echo "check.sh: runtime/target/launcher is missing: run 'mvn -B verify' (or 'mvn -B package') first" >&2
  exit 1
fi

echo "check.sh: installing gfn4j-parent and gfn4j-api into the local repository"
"${MVN[@]}" install -N
"${MVN[@]}" install -pl api -DskipTests

echo "check.sh: building the example plugin against the installed api (with its tests)"
"${MVN[@]}" -f examples/plugin-example/pom.xml clean package
JAR="$(ls examples/plugin-example/target/gfn4j-plugin-example-*.jar | head -n 1)"

DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
cp "$JAR" "$DIR/"
PLUGIN_JAR="$DIR/$(basename "$JAR")"

# GFN4J_SKIP_BUILD: the launcher must not rebuild; GFN4J_PLUGINS empty: ignore the repository's plugins/ folder.
export GFN4J_SKIP_BUILD=1 GFN4J_PLUGINS="" GFN4J_HEAP=1g OMP_NUM_THREADS=1

echo "check.sh: gfn4j plugins --plugins $DIR"
./gfn4j plugins --plugins "$DIR" > "$DIR/plugins.out" 2> "$DIR/plugins.err" || { cat "$DIR/plugins.out" "$DIR/plugins.err"; exit 1; }
for name in bitstrings hellinger; do
  if ! grep -E "^  $name " "$DIR/plugins.out" | grep -qF "[plugin jar $PLUGIN_JAR]"; then
    echo "check.sh: FAILED: '$name' is not listed with [plugin jar $PLUGIN_JAR]:" >&2
    cat "$DIR/plugins.out" "$DIR/plugins.err" >&2
    exit 1
  fi
  grep -E "^  $name " "$DIR/plugins.out"
done
if grep -q "warning" "$DIR/plugins.err"; then
  echo "check.sh: FAILED: loading the example plugin gave warnings:" >&2
  cat "$DIR/plugins.err" >&2
  exit 1
fi

echo "check.sh: gfn4j train --plugins $DIR --set env.name=bitstrings --set objective.name=hellinger"
./gfn4j train --plugins "$DIR" --set env.name=bitstrings --set objective.name=hellinger \
  --set train.iterations=300 --set eval.every=100 --quiet --run-dir "$DIR/run" | tee "$DIR/train.out"
L1="$(sed -n 's/.*gfn4j: done: .* l1 = \([0-9.]*\).*/\1/p' "$DIR/train.out")"
if [ -z "$L1" ]; then
  echo "check.sh: FAILED: the training run printed no final L1" >&2
  exit 1
fi
# L1 is between 0 and 2; a sampler that learned nothing from 300 iterations stays near the uniform policy's L1.
if ! awk -v l1="$L1" 'BEGIN { exit !(l1 < 0.5) }'; then
  echo "check.sh: FAILED: final L1 = $L1, expected below 0.5 after 300 iterations" >&2
  exit 1
fi
echo "check.sh: OK: the example plugin was listed from its jar and trained to L1 = $L1"
