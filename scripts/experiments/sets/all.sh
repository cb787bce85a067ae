#!/bin/bash
# all.sh OUTDIR [EXPLAIN]: explain every set into OUTDIR, print verdict counts
out=$1; ex=${2:-$(dirname "$0")/../../../target/release/examples/explain}; sets=${SETS:-/tmp/p/sets}; mkdir -p $out
for f in $sets/*.jsonl; do b=$(basename $f .jsonl); $ex < $f > $out/$b.txt 2>/dev/null
 printf "%-22s %5d blk %5d warn %5d\n" $b $(grep -c ' -> ' $out/$b.txt) $(grep -c ' -> block' $out/$b.txt) $(grep -c ' -> warn' $out/$b.txt); done
