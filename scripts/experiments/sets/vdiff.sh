#!/bin/bash
# vdiff.sh A B: verdict changes per set
for f in $1/*.txt; do b=$(basename $f); d=$(diff <(grep ' -> ' $f | awk '{print NR, $1, $3}') <(grep ' -> ' $2/$b | awk '{print NR, $1, $3}')); [ -n "$d" ] && { echo "== $b"; echo "$d"; }; done
