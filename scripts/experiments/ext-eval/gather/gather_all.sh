#!/bin/bash
# Rebuilds the thirteen fresh honest sets (fresh5-17) in two lanes, each set's install cache deleted
# once it is written: gather_all.sh [OUT] (default /work/ext-eval). Then split fresh10 and fresh13
# (and fresh14, session 29, fresh15, fresh16 and fresh17) into -dev/-held halves with ../split_real.py. ~45 min on 2 cores for fresh5-13 (session 28: 43 min), then fresh14 (~7 min) fresh15 (~7 min) fresh16 (~7 min) and fresh17 (~4 min).
# Needs what gather.py needs (README.md: node/npm, uv, a python3.13 under ~/.pyenv, root for the
# network sandbox).
set -u
OUT=${1:-/work/ext-eval}
cd "$(dirname "$0")"
mkdir -p "$OUT"
run() {
  name=$1; shift
  nice python3 gather.py "$@" --out "$OUT/$name" --cache "/tmp/gc-$name" > "$OUT/gather-$name.log" 2>&1
  rm -rf "/tmp/gc-$name"
  echo "$name done $(date -u +%H:%M:%S), $(wc -l < "$OUT/$name/honest.jsonl") tools"
}
laneA() {
  run fresh13 ../fresh13_sources.md --overrides fresh13/overrides13.json --jobs 2 --timeout 150 --list-min 40
  run fresh12 ../fresh12_sources.md --overrides fresh12/overrides12.json --jobs 2 --timeout 150 --list-min 40
  run fresh11 ../fresh11_sources.md --overrides fresh11/overrides11.json --jobs 2 --timeout 150 --list-min 40
  run fresh6 ../fresh6_sources.md --jobs 2
  run fresh5 ../fresh5_sources.md --jobs 2
}
laneC() {
  run fresh14 ../fresh14_sources.md --overrides fresh14/overrides14.json --jobs 2 --timeout 150 --list-min 40
  run fresh15 ../fresh15_sources.md --overrides fresh15/overrides15.json --jobs 2 --timeout 150 --list-min 40
  run fresh16 ../fresh16_sources.md --overrides fresh16/overrides16.json --jobs 2 --timeout 150 --list-min 40
  run fresh17 ../fresh17_sources.md --overrides fresh17/overrides17.json --jobs 2 --timeout 120 --list-min 40
}
laneB() {
  run fresh7 fresh7/fresh7_sources_gather.md --overrides fresh7/overrides_fresh7.json --jobs 1 --timeout 150 --list-min 60 --keep-extra --sample floor
  run fresh10 ../fresh10_sources.md --overrides fresh10/overrides10.json --jobs 2 --timeout 150 --list-min 40
  run fresh9 ../fresh9_sources.md --overrides fresh9/overrides9.json
  run fresh8 fresh8/fresh8_sources_gather.md --overrides fresh8/overrides_fresh8.json --jobs 2 --timeout 150 --list-min 60 --keep-extra
}
laneA & laneB & wait
laneC
