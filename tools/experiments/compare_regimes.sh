#!/usr/bin/env bash
# Issue #12: with few masks and many boxes, does alternating box-only and mask batches beat training on
# the masks alone, and beat two-stage training? Every row of docs/experiments.md, resumable.
#
#   bash tools/experiments/compare_regimes.sh [OUT_DIR]          # OUT_DIR: work_dirs/compare_regimes
#
# Environment (default in brackets):
#   SETTINGS     settings to run ["synthetic mfish"]
#   PLANS        rows to run: main (every regime at 25 % masks), curve (baseline and alternating 1:1 at
#                5, 10, 25, 50, 100 % masks) ["main curve"]
#   SEEDS        training seeds; seed S also chooses which images keep their masks ["0 1 2"]
#   ONLY         extended regex that a run's name <setting>/<regime>/masks<PCT>-seed<S> must match [.]
#   ITERS        training iterations of every run, for smoke runs [synthetic 600, mfish 1500]
#   BEST_RATIO   <box>to<mask> ratio of the regimes built on the best alternating ratio [chosen by
#                collect_regime_results.py --best-ratio once the ratio sweep has all its seeds]
#   POOL_IMAGES  synthetic images generated [240: 192 training, 48 test]
#   MFISH_DIR    M-FISH COCO conversion: annotations/mfish_{train,test}.json, images/ [data/mfish]
#   RECORDS      committed folder of the finished runs' records [docs/regime_runs]
#   NAMER        crop classifier that names the M-FISH test detections for named.json: its config and
#                checkpoint, space-separated, or "" for none [the packaged mmkaryo/model_zoo/mfish_24class/classifier_*]
#   PYTHON       [python]
# Settings (one split folder per mask share and seed, written by split_mask_scarce.py):
#   synthetic  240 metaphases of the demo's scene (448 px) written as AutoKary2022 LabelMe folders AND as
#              Cell Image Library VOC boxes (JEPG/), converted with autokary2022_to_coco.py and
#              cil24_to_coco.py; the training patients' images keep their masks (from the LabelMe files)
#              or get the CIL boxes only; the test patients' 48 images, with masks, are the test set.
#   mfish      the real M-FISH training slides (data/mfish/annotations/mfish_train.json) split into a mask
#              part and a box-only part (masks removed, boxes kept); tested on the held-out slides.
# Regimes (configs/mask_scarce/; the light CPU Mask R-CNN recipe of the model zoo, from random weights,
# batch 2, ITERS iterations with warm-up and lr steps at 75 % and 90 %):
#   baseline; two-stage (ITERS/2 on the box part with box-corner masks, ITERS/2 fine-tuning on the mask
#   part at 0.08 x the rate); alternating-<b>to<m> (one-source batches, box:mask = b:m; swept over 1:2,
#   1:1, 2:1); proj-<best> (alternating + box-projection loss); final-<best> (alternating + AttentionFPN);
#   cascade-/htc-baseline and cascade-/htc-alternating-<best>.
# Each run trains in OUT_DIR/runs/<name>/ and, once tested with tools/test.py on the test set, writes
# result.json there (metrics and train minutes), then copies it with its training logs to
# RECORDS/<name>/ (archive_run.py): work_dirs/ does not move to a new machine, the records are committed.
# An M-FISH run is then read again by tools/analysis_tools/zoo_row.py with the NAMER classifier naming its
# detections: named.json beside result.json (class-aware mAP@50 with the classifier's names, recall of
# isolated, touching and overlapping chromosomes), also for a recorded run that lacks one while its
# checkpoint is still in OUT_DIR (a run whose checkpoint is gone is reported, not named).
# A run with a record is never redone; an interrupted training resumes from its last checkpoint (every
# 250 iterations). The end merges all records into OUT_DIR/results.md, OUT_DIR/scarcity_curve.png and the
# training-loss curves OUT_DIR/regime_losses_<setting>_masks<pct>.png (collect_regime_results.py).
set -euo pipefail

if [ ! -f tools/train.py ] || [ ! -d configs/mask_scarce ]; then
    echo "compare_regimes.sh: run it from the repository root (paths are relative to it)" >&2; exit 2
fi
OUT=${1:-work_dirs/compare_regimes}
SETTINGS=${SETTINGS:-synthetic mfish}
PLANS=${PLANS:-main curve}
SEEDS=${SEEDS:-0 1 2}
ONLY=${ONLY:-.}
POOL_IMAGES=${POOL_IMAGES:-240}
MFISH_DIR=${MFISH_DIR:-data/mfish}
PY=${PYTHON:-python}
RECORDS=${RECORDS:-docs/regime_runs}
PACKAGED=mmkaryo/model_zoo/mfish_24class
NAMER=${NAMER-$PACKAGED/classifier_config.py $PACKAGED/classifier_weights.pth}
CFG=configs/mask_scarce
MAIN_PCT=25
declare -A BUDGET=([synthetic]=600 [mfish]=1500) WARMUP=([synthetic]=100 [mfish]=150)
# The demo's synthetic scene: chromosomes of the generator's 640 px size on 448 px images.
SCENE=(--image-size 448 --chromosome-length 0.185 --chromosome-width 0.02 --spread-radius 0.42)

prepare_synthetic() {  # the pool in both formats, converted; once
    local pool=$OUT/data/synthetic/pool
    [ -f "$pool/converted" ] && return 0
    "$PY" tools/dataset_converters/make_synthetic.py --out-dir "$pool" --num-images "$POOL_IMAGES" --seed 0 \
        "${SCENE[@]}" --formats autokary2022 cil24
    "$PY" tools/dataset_converters/autokary2022_to_coco.py "$pool/autokary2022" "$pool/autokary2022/coco" \
        --val-ratio 0
    "$PY" tools/dataset_converters/cil24_to_coco.py "$pool/cil24" "$pool/cil24/coco" --val-ratio 0
    touch "$pool/converted"
}

split() {  # split SETTING PCT SEED: write the split folder OUT/data/SETTING/masksPCT-seedSEED once
    local setting=$1 pct=$2 seed=$3 dir=$OUT/data/$1/masks$2-seed$3 sources
    [ -f "$dir/test.json" ] && return 0
    if [ "$setting" = synthetic ]; then
        prepare_synthetic
        local pool=$OUT/data/synthetic/pool
        sources=(--masks "$pool/autokary2022/coco/train.json" "$pool/autokary2022"
                 --boxes "$pool/cil24/coco/train.json" "$pool/cil24"
                 --test "$pool/autokary2022/coco/test.json" "$pool/autokary2022")
    else
        sources=(--masks "$MFISH_DIR/annotations/mfish_train.json" "$MFISH_DIR/images"
                 --test "$MFISH_DIR/annotations/mfish_test.json" "$MFISH_DIR/images")
    fi
    "$PY" tools/dataset_converters/split_mask_scarce.py "$dir" "${sources[@]}" \
        --mask-fraction "$(awk "BEGIN { print $pct / 100 }")" --seed "$seed"
}

train() {  # train WORK_DIR CONFIG ITERS WARMUP [KEY=VALUE ...]: once; appends its seconds to train_seconds
    local work=$1 config=$2 n=$3 warm=$4 resume=()
    shift 4
    [ -f "$work/iter_$n.pth" ] && return 0
    mkdir -p "$work"
    # A stopped attempt that saved a checkpoint is resumed and its time counted until its log's last
    # write; one that saved none starts over and its time is not counted, nor is one that died before
    # writing a log (its newest log is an earlier attempt's, already counted).
    if [ -f "$work/attempt_start" ] && [ -f "$work/last_checkpoint" ]; then
        local log seconds; log=$(ls -t "$work"/*/*.log 2>/dev/null | head -n 1)
        if [ -n "$log" ]; then
            seconds=$(($(stat -c %Y "$log") - $(cat "$work/attempt_start")))
            [ "$seconds" -ge 0 ] && echo "$seconds" >> "$work/train_seconds"
        fi
        resume=(--resume)
    fi
    date +%s > "$work/attempt_start"
    "$PY" tools/train.py "$config" --work-dir "$work" "${resume[@]}" --cfg-options train_cfg.max_iters="$n" \
        param_scheduler.0.end="$warm" param_scheduler.1.end="$n" \
        "param_scheduler.1.milestones=[$((n * 3 / 4)),$((n * 9 / 10))]" "$@"
    echo $(($(date +%s) - $(cat "$work/attempt_start"))) >> "$work/train_seconds"
    rm "$work/attempt_start"
}

ratio() { echo "[${1%to*},${1#*to}]"; }  # 2to1 -> [2,1]

config_of() {  # config_of REGIME: the config of the regime's (last) training stage, which is also tested
    case $1 in
        baseline) echo "$CFG/mask-rcnn_r18_fpn-light_1500i_mask-scarce.py" ;;
        two-stage) echo "$CFG/mask-rcnn_r18_fpn-light_1500i_mask-scarce-finetune.py" ;;
        alternating-*to*) echo "$CFG/mask-rcnn_r18_fpn-light_1500i_mask-scarce-alternating.py" ;;
        proj-*) echo "$CFG/mask-rcnn_r18_fpn-light_1500i_mask-scarce-alternating-proj.py" ;;
        final-*) echo "$CFG/mask-rcnn_r18_attention-fpn-light_1500i_mask-scarce-alternating.py" ;;
        cascade-baseline) echo "$CFG/cascade-mask-rcnn_r18_fpn-light_1500i_mask-scarce.py" ;;
        htc-baseline) echo "$CFG/htc_r18_fpn-light_1500i_mask-scarce.py" ;;
        cascade-alternating-*) echo "$CFG/cascade-mask-rcnn_r18_fpn-light_1500i_mask-scarce-alternating.py" ;;
        htc-alternating-*) echo "$CFG/htc_r18_fpn-light_1500i_mask-scarce-alternating.py" ;;
        *) echo "compare_regimes.sh: unknown regime $1" >&2; return 2 ;;
    esac
}

name_run() {  # name_run SETTING REGIME PCT SEED CONFIG CHECKPOINT: named.json of a recorded M-FISH run, once
    local setting=$1 name=$1/$2/masks$3-seed$4 config=$5 checkpoint=$6 namer=($NAMER)
    local dir=$OUT/runs/$name data=$OUT/data/$setting/masks$3-seed$4
    [ "$setting" = mfish ] && [ ${#namer[@]} -gt 0 ] && [ ! -f "$RECORDS/$name/named.json" ] || return 0
    if [ ${#namer[@]} -ne 2 ]; then echo "compare_regimes.sh: NAMER needs a config and a checkpoint" >&2; exit 2; fi
    if [ ! -f "$checkpoint" ]; then echo "== not named: $name ($checkpoint is not here)" >&2; return 0; fi
    split "$setting" "$3" "$4"  # its test.json (written once)
    "$PY" tools/analysis_tools/zoo_row.py "$data/test.json" "$data" --config "$config" --checkpoint "$checkpoint" \
        --classifier-config "${namer[0]}" --classifier-checkpoint "${namer[1]}" --name "$name" \
        --out "$dir/named.json" > "$dir/named.log" 2>&1 || { cat "$dir/named.log" >&2; exit 1; }
    cp "$dir/named.json" "$RECORDS/$name/named.json"
    echo "== named: $name"
}

run() {  # run SETTING REGIME PCT SEED: train, test, write result.json and archive it unless recorded
    local setting=$1 regime=$2 pct=$3 seed=$4
    local name=$setting/$regime/masks$pct-seed$seed
    local dir=$OUT/runs/$name data=$OUT/data/$setting/masks$pct-seed$seed
    [[ $name =~ $ONLY ]] || return 0
    local n=${ITERS:-${BUDGET[$setting]}} config
    local warm=$((WARMUP[$setting] * n / BUDGET[$setting] > 0 ? WARMUP[$setting] * n / BUDGET[$setting] : 1))
    local total=$n
    config=$(config_of "$regime")
    if [ "$regime" = two-stage ]; then n=$((n / 2)) warm=$((warm > 1 ? warm / 2 : 1)); fi
    if [ ! -f "$RECORDS/$name/result.json" ] && [ -f "$dir/result.json" ]; then
        "$PY" tools/experiments/archive_run.py "$dir" "$RECORDS/$name"
    fi
    if [ -f "$RECORDS/$name/result.json" ]; then
        echo "== done: $name"
        name_run "$setting" "$regime" "$pct" "$seed" "$config" "$dir/train/iter_$n.pth"
        return 0
    fi
    echo "== run: $name"
    split "$setting" "$pct" "$seed"
    local common=(data_root="$data/" randomness.seed="$seed") options=() stages=(train)
    if [ "$regime" = two-stage ]; then
        stages=(stage1 train)
        train "$dir/stage1" "$CFG/mask-rcnn_r18_fpn-light_1500i_mask-scarce-boxmask.py" "$n" "$warm" "${common[@]}"
        options=(load_from="$dir/stage1/iter_$n.pth")
    fi
    if [[ $regime =~ ([0-9]+to[0-9]+)$ ]]; then
        options=("train_dataloader.batch_sampler.ratios=$(ratio "${BASH_REMATCH[1]}")")
    fi
    train "$dir/train" "$config" "$n" "$warm" "${common[@]}" "${options[@]}"
    "$PY" tools/test.py "$config" "$dir/train/iter_$n.pth" --work-dir "$dir/test" \
        --cfg-options data_root="$data/" > "$dir/test.log" 2>&1 || { cat "$dir/test.log" >&2; exit 1; }
    local seconds=()
    for stage in "${stages[@]}"; do mapfile -t -O "${#seconds[@]}" seconds < "$dir/$stage/train_seconds"; done
    "$PY" tools/experiments/write_run_result.py "$dir" --setting "$setting" --regime "$regime" \
        --mask-fraction "$(awk "BEGIN { print $pct / 100 }")" --seed "$seed" --iters "$total" \
        --train-seconds "${seconds[@]}"
    "$PY" tools/experiments/archive_run.py "$dir" "$RECORDS/$name"
    echo "== finished: $name"
    name_run "$setting" "$regime" "$pct" "$seed" "$config" "$dir/train/iter_$n.pth"
}

each_seed() { for seed in $SEEDS; do run "$1" "$2" "$3" "$seed"; done; }

main_rows() {  # main_rows SETTING: every regime at MAIN_PCT % masks
    local setting=$1 best
    for regime in baseline two-stage alternating-1to2 alternating-1to1 alternating-2to1; do
        each_seed "$setting" "$regime" "$MAIN_PCT"
    done
    if ! best=${BEST_RATIO:-$("$PY" tools/experiments/collect_regime_results.py "$RECORDS" \
            --best-ratio "$setting" --min-seeds "$(wc -w <<< "$SEEDS")")}; then
        echo "== $setting: the ratio sweep is not complete; regimes on the best ratio wait" >&2
        return 0
    fi
    echo "== $setting: best alternating ratio $best"
    for regime in "proj-$best" "final-$best" cascade-baseline "cascade-alternating-$best" htc-baseline \
            "htc-alternating-$best"; do
        each_seed "$setting" "$regime" "$MAIN_PCT"
    done
}

curve_rows() {  # curve_rows SETTING: baseline and alternating 1:1 against the mask share
    local setting=$1
    for pct in 5 10 25 50 100; do
        each_seed "$setting" baseline "$pct"
        # At 100 % no image is box-only: alternating is the baseline there.
        if [ "$pct" != 100 ]; then each_seed "$setting" alternating-1to1 "$pct"; fi
    done
}

for setting in $SETTINGS; do
    case $setting in
        synthetic) ;;
        mfish) [ -f "$MFISH_DIR/annotations/mfish_train.json" ] || {
            echo "compare_regimes.sh: $MFISH_DIR/annotations/mfish_train.json not found; convert M-FISH first" \
                 "(see configs/mfish/mask-rcnn_r18_fpn-light_1500i_mfish.py) or set MFISH_DIR" >&2; exit 2; } ;;
        *) echo "compare_regimes.sh: unknown setting $setting (synthetic, mfish)" >&2; exit 2 ;;
    esac
    for plan in $PLANS; do
        case $plan in
            main) main_rows "$setting" ;;
            curve) curve_rows "$setting" ;;
            *) echo "compare_regimes.sh: unknown plan $plan (main, curve)" >&2; exit 2 ;;
        esac
    done
done
"$PY" tools/experiments/collect_regime_results.py "$RECORDS" --plot "$OUT/scarcity_curve.png" --loss-curves "$OUT" \
    | tee "$OUT/results.md"
