#!/usr/bin/env bash
# Baseline vs two-stage (box->mask) vs alternating batches when masks are scarce, at CPU scale.
#
#   bash tools/experiments/compare_regimes.sh [ITERS] [OUT_DIR] [KEY=VALUE ...]
#
# KEY=VALUE pairs are added to the --cfg-options of every training and test run (e.g.
# model.rpn_head.anchor_generator.scales=[4]).
# Data (synthetic, 320 px, three generator seeds): 20 mask images (seed 0, COCO polygons) and 180
# box-only images (seed 1, CIL-style VOC boxes -> box-only COCO), i.e. masks on 10 % of the training
# images; a held-out test set of 20 mask images (seed 2).
# Training (configs/synthetic/, ResNet-18, batch 2, randomness.seed=0, no pretrained weights):
#   baseline     ITERS iterations on the 20 mask images;
#   two-stage    ITERS/2 on the box set with box-corner masks, then ITERS/2 on the mask set (lr 0.0004);
#   alternating  ITERS iterations, each batch from one source by ratio 1:1 (AttentionFPN neck).
# Every schedule is the configs' 300-iteration one rescaled: warm-up over the first 1/6, lr x0.1 at 5/6.
# No validation during training; each final checkpoint is tested with tools/test.py on the test set,
# twice: with the configs' test settings (boxes scoring >= 0.05 kept, AJI over scores >= 0.5) and with
# every box kept (rcnn score_thr=0), which gives an undertrained model's mAP something to rank.
# Writes OUT_DIR/results.md (mAP@50, AJI, wall time per regime, then the class-agnostic recall of the
# kept boxes and masks); logs stay under OUT_DIR.
set -euo pipefail

ITERS=${1:-200}
OUT=${2:-work_dirs/compare_regimes}
EXTRA=("${@:3}")
PY=${PYTHON:-python}
SEED=0
if (( ITERS < 12 || ITERS % 2 )); then
    echo "ITERS must be an even number >= 12 (two-stage halves it; warm-up is ITERS/6), got $ITERS" >&2
    exit 1
fi
HALF=$((ITERS / 2))
DATA=$OUT/data
CFG=configs/synthetic

# Training options for an N-iteration run: the rescaled schedule, the seed, no validation loop.
schedule() {
    local n=$1
    echo "train_cfg.max_iters=$n train_cfg.val_interval=$n param_scheduler.0.end=$((n / 6))" \
         "param_scheduler.1.end=$n param_scheduler.1.milestones=[$((n * 5 / 6))]" \
         "default_hooks.checkpoint.interval=$n randomness.seed=$SEED" \
         "val_cfg=None val_dataloader=None val_evaluator=None"
}

# train NAME CONFIG ITERATIONS [--cfg-options ...]: train, record the wall time in OUT/NAME/seconds.
train() {
    local name=$1 config=$2 n=$3
    shift 3
    local start=$SECONDS
    # shellcheck disable=SC2046  # schedule() yields one option per word
    "$PY" tools/train.py "$config" --work-dir "$OUT/$name" --cfg-options $(schedule "$n") "$@" \
        "${EXTRA[@]}"
    echo $((SECONDS - start)) > "$OUT/$name/seconds"
}

# evaluate NAME CONFIG CHECKPOINT: tools/test.py on the test set, metrics in OUT/NAME/test/, then again
# keeping every box (OUT/NAME/test-thr0/), its predictions dumped to OUT/NAME/thr0.pkl.
evaluate() {
    local name=$1 config=$2 checkpoint=$3
    "$PY" tools/test.py "$config" "$checkpoint" --work-dir "$OUT/$name/test" \
        --cfg-options data_root="$DATA/test/" "${EXTRA[@]}" | tee "$OUT/$name/test.log"
    "$PY" tools/test.py "$config" "$checkpoint" --work-dir "$OUT/$name/test-thr0" \
        --out "$OUT/$name/thr0.pkl" --cfg-options data_root="$DATA/test/" \
        model.test_cfg.rcnn.score_thr=0 "${EXTRA[@]}" | tee "$OUT/$name/test-thr0.log"
}

mkdir -p "$OUT"
"$PY" tools/dataset_converters/make_synthetic.py --out-dir "$DATA/masks" --num-images 20 --seed 0 \
    --image-size 320 --formats coco
"$PY" tools/dataset_converters/make_synthetic.py --out-dir "$DATA/boxes" --num-images 180 --seed 1 \
    --image-size 320 --formats cil24
"$PY" tools/dataset_converters/cil24_to_coco.py "$DATA/boxes/cil24" "$DATA/boxes/cil24/coco" \
    --val-ratio 0
"$PY" tools/dataset_converters/make_synthetic.py --out-dir "$DATA/test" --num-images 20 --seed 2 \
    --image-size 320 --formats coco

train baseline "$CFG/mask-rcnn_r18_fpn_300i_synthetic.py" "$ITERS" data_root="$DATA/masks/"
evaluate baseline "$CFG/mask-rcnn_r18_fpn_300i_synthetic.py" "$OUT/baseline/iter_$ITERS.pth"

train two-stage-1 "$CFG/mask-rcnn_r18_fpn_300i_synthetic-boxmask.py" "$HALF" \
    train_dataloader.dataset.data_root="$DATA/boxes/cil24/"
train two-stage "$CFG/mask-rcnn_r18_fpn_300i_synthetic-from-boxmask.py" "$HALF" \
    data_root="$DATA/masks/" load_from="$OUT/two-stage-1/iter_$HALF.pth"
echo $(($(cat "$OUT/two-stage-1/seconds") + $(cat "$OUT/two-stage/seconds"))) > "$OUT/two-stage/seconds"
evaluate two-stage "$CFG/mask-rcnn_r18_fpn_300i_synthetic-from-boxmask.py" \
    "$OUT/two-stage/iter_$HALF.pth"

train alternating "$CFG/mask-rcnn_r18_attention-fpn_300i_synthetic-alternating.py" "$ITERS" \
    data_root="$DATA/masks/" train_dataloader.dataset.datasets.0.data_root="$DATA/boxes/cil24/"
evaluate alternating "$CFG/mask-rcnn_r18_attention-fpn_300i_synthetic-alternating.py" \
    "$OUT/alternating/iter_$ITERS.pth"

"$PY" tools/experiments/collect_regime_results.py "$OUT" --iters "$ITERS" | tee "$OUT/results.md"
{ echo; "$PY" tools/experiments/agnostic_recall.py "$OUT"/{baseline,two-stage,alternating}/thr0.pkl; } \
    | tee -a "$OUT/results.md"
