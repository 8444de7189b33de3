#!/usr/bin/env bash
# The hunts, one after the other (each keeps a core busy; nca another): large differential runs
# that npm test does not make. Every knob has a default; override on the command line, e.g.
#   SEEDS="11 12 13" REF_RUNS=20000 NCA_RUNS=500 SIZE=large SYNTH_RUNS=300 bash test/hunt/run.sh
# A difference fails its hunt; the nca hunt keeps every differing configuration in $OUT.
set -u
cd "$(dirname "$0")/../.."
SEEDS=${SEEDS:-"1 2 3"}
REF_RUNS=${REF_RUNS:-10000}    # engine vs the per-packet reference, configurations per seed (60 packets each)
PEER_RUNS=${PEER_RUNS:-200}    # the property test's random configurations vs nca, per seed
NCA_RUNS=${NCA_RUNS:-300}      # wide configurations vs nca, per seed
SIZE=${SIZE:-small}            # small (8 workloads, 6 policies) or large (16, 10)
SYNTH_RUNS=${SYNTH_RUNS:-200}  # scanned apps whose synthesized policies nca evaluates, per seed
DIFF_RUNS=${DIFF_RUNS:-100}    # random pull requests, our diff vs nca --semantic_diff, per seed
BASELINE_PAIRS=${BASELINE_PAIRS:-2000} # (configuration, rule set) pairs, our baseline engine vs nca's, per seed
NAPEER_RUNS=${NAPEER_RUNS:-100}      # configurations with admin policies, our dist/cli.js vs netpol-analyzer's binary, per seed
NAPEER_PR_RUNS=${NAPEER_PR_RUNS:-50} # random pull requests, our diff vs netpol-analyzer's, per seed
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/netpol-ci-hunt-XXXXXX")}
status=0
run() { local name=$1; shift; local t0=$SECONDS; echo "== $name"; if ! "$@"; then status=1; echo "!! $name failed"; fi; echo "== $name: $((SECONDS - t0))s"; }
for seed in $SEEDS; do
  run "reference, seed $seed, $REF_RUNS configurations" env FC_SEED="$seed" FC_NUM_RUNS="$REF_RUNS" npx vitest run test/connectivity/engine.property.test.ts
  run "nca (property generator), seed $seed, $PEER_RUNS configurations" env FC_SEED="$seed" FC_NUM_RUNS="$PEER_RUNS" FC_PEER_RUNS="$PEER_RUNS" npx vitest run test/connectivity/peers-random.property.test.ts
  run "synthesize vs nca, seed $seed, $SYNTH_RUNS apps" env FC_SEED="$seed" FC_NUM_RUNS="$SYNTH_RUNS" FC_SYNTH_NCA_RUNS="$SYNTH_RUNS" npx vitest run test/synthesis/synthesize.property.test.ts
  run "diff vs nca --semantic_diff, seed $seed, $DIFF_RUNS pull requests" env FC_SEED="$seed" FC_PEER_RUNS="$DIFF_RUNS" npx vitest run test/pipeline/diff-nca.property.test.ts
  run "baseline vs nca, seed $seed, $BASELINE_PAIRS pairs" env FC_SEED="$seed" FC_BASELINE_PAIRS="$BASELINE_PAIRS" npx vitest run test/baseline/agreement.property.test.ts
done
run "nca (wide generator), seeds $SEEDS, $NCA_RUNS configurations each, $SIZE" env HUNT_SEEDS="$(echo $SEEDS | tr ' ' ,)" HUNT_RUNS="$NCA_RUNS" HUNT_SIZE="$SIZE" HUNT_OUT="$OUT" npx vitest run --config test/hunt/vitest.config.ts test/hunt/nca.hunt.ts
# the netpol-analyzer hunt runs dist/cli.js (bundled from the current sources first) and bench's netpolicy build
run "bundle" npm run -s bundle
run "netpol-analyzer, seeds $SEEDS, $NAPEER_RUNS configurations and $NAPEER_PR_RUNS pull requests each, $SIZE" env HUNT_SEEDS="$(echo $SEEDS | tr ' ' ,)" HUNT_RUNS="$NAPEER_RUNS" HUNT_PR_RUNS="$NAPEER_PR_RUNS" HUNT_SIZE="$SIZE" HUNT_OUT="$OUT/netpol-analyzer" npx vitest run --config test/hunt/vitest.config.ts test/hunt/netpol-analyzer.hunt.ts
echo "differing configurations (if any) kept in $OUT"
exit $status
