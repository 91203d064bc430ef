#!/usr/bin/env bash
# Builds a libFuzzer target from the module sources and runs it, seeded with the conformance files.
#
#   Fuzz/run.sh inflate|png|jpeg|pnm [RUNS=1000000] [extra libFuzzer flags...]
#
# SwiftPM cannot pass -sanitize=fuzzer without unsafeFlags, so the harness compiles
# the decoder sources and one entry-point file straight into a single binary (their
# imports of each other's modules are dropped, since they become one module).
# Crashes are written to .build/fuzz/<target>/crash-*; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: Fuzz/run.sh inflate|png|jpeg|pnm [runs]}"
runs="${2:-1000000}"
max_len=262144
shift $(( $# >= 2 ? 2 : 1 ))
shared="${THRESHOLDKIT_SHARED:-../shared}"
out=".build/fuzz/$target"
mkdir -p "$out/corpus"

case "$target" in
  inflate) sources=(Sources/DeflateCodec/*.swift); entry=Fuzz/InflateTarget.swift
           # zlib streams from every PNG's IDAT are a fine seed; the files themselves also work.
           seeds=("$shared"/codecs/pngsuite/*.png) ;;
  png)     sources=(Sources/DeflateCodec/*.swift Sources/ArrayFormats/*.swift $(find Sources/Imaging -name '*.swift')); entry=Fuzz/PNGTarget.swift
           seeds=("$shared"/codecs/pngsuite/*.png) ;;
  jpeg)    sources=(Sources/DeflateCodec/*.swift Sources/ArrayFormats/*.swift $(find Sources/Imaging -name '*.swift')); entry=Fuzz/JPEGTarget.swift
           # Files under 16 KB (33 of 48): larger seeds slow every execution without adding paths.
           seeds=($(find "$shared"/codecs/jpeg/reftest -name '*.jpg' -size -16k)); max_len=16384 ;;
  pnm)     sources=(Sources/DeflateCodec/*.swift Sources/ArrayFormats/*.swift $(find Sources/Imaging -name '*.swift')); entry=Fuzz/PNMTarget.swift
           seeds=($(find "$shared"/codecs/jpeg/djpeg-reference -name '*.pnm' -size -64k)) ;;
  *) echo "unknown target '$target' (inflate, png, jpeg, pnm)" >&2; exit 2 ;;
esac

for f in "${seeds[@]}"; do [ -f "$f" ] && cp -n "$f" "$out/corpus/" 2>/dev/null || true; done
rm -rf "$out/src" && mkdir -p "$out/src"
i=0
for f in "${sources[@]}" "$entry"; do
  i=$((i + 1))
  sed -E '/^import (DeflateCodec|ArrayFormats|Imaging)$/d' "$f" > "$out/src/$i-$(basename "$f")"
done
swiftc -sanitize=fuzzer,address -O -parse-as-library -module-name "Fuzz_$target" "$out"/src/*.swift -o "$out/fuzzer"
cd "$out"
./fuzzer -runs="$runs" -seed=1 -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 "$@" corpus
