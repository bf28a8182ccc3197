#!/usr/bin/env bash
# README command 1, the main job, on CPU from a fresh checkout:
#   1. generate synthetic G-banded metaphases (40 training images, 12 held-out test images, 30 % of the
#      test patients aneuploid; 448 px with chromosomes of the generator's 640 px size);
#   2. train the light Mask R-CNN (configs/synthetic/mask-rcnn_r18_fpn-light_600i_synthetic.py) from
#      random weights, 24 classes, detections kept by chromosome-ness;
#   3. evaluate it on the held-out set (mAP@50, class-aware and agnostic AJI, class and karyotype tables);
#   4. train the chromosome crop classifier (configs/chromosome_classifier/cropnet_10e_synthetic.py) on the
#      training images' chromosomes and test it on the held-out images' chromosomes;
#   5. read the karyotypes of four test images with the pair, detector then classifier (overlays,
#      karyograms, ISCN strings, report.html);
#   6. where the real M-FISH set is (../shared/data/mfish-dapi, or --data-mfish PATH), read three of its
#      held-out-slide DAPI images as they ship (bright on dark) with the packaged M-FISH pair.
#
#   bash tools/demo.sh [--data-mfish PATH] [--iters N] [--out-dir DIR]
#
# The summary (the command, the tables, where the outputs are) is written to OUT_DIR/demo.md;
# docs/demo.md holds the one recorded on this project's CPU machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MFISH=""
[ -d "$ROOT/../shared/data/mfish-dapi" ] && MFISH="$(cd "$ROOT/../shared/data/mfish-dapi" && pwd)"
ITERS=""
OUT="$ROOT/work_dirs/demo"
while [ $# -gt 0 ]; do
    case "$1" in
        --data-mfish) MFISH="$(cd "$2" && pwd)"; shift 2 ;;
        --iters) ITERS="$2"; shift 2 ;;
        --out-dir) OUT="$2"; shift 2 ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) echo "demo.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

bash "$ROOT/tools/setup_env.sh"
PY="$ROOT/.venv/bin/python"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
DATA="$OUT/data"
SUMMARY="$OUT/demo.md"
START=$(date +%s)

step() { printf '\n==> %s\n' "$*"; }
# Training without the end-of-run validation: tools/test.py evaluates on the held-out set instead.
NO_VAL=(val_cfg=None val_dataloader=None val_evaluator=None)
LOG_EVERY=(default_hooks.logger.interval=10 log_processor.window_size=10)

train() {  # train CONFIG WORK_DIR ITERS [cfg-options...]
    local config=$1 work=$2 iters=$3; shift 3
    "$PY" "$ROOT/tools/train.py" "$config" --work-dir "$work" --cfg-options \
        train_cfg.max_iters="$iters" default_hooks.checkpoint.interval="$iters" \
        "${NO_VAL[@]}" "${LOG_EVERY[@]}" "$@"
}

evaluate() {  # evaluate CONFIG CHECKPOINT WORK_DIR LOG [cfg-options...]
    local config=$1 ckpt=$2 work=$3 log=$4; shift 4
    "$PY" "$ROOT/tools/test.py" "$config" "$ckpt" --work-dir "$work" --out "$work/results.pkl" \
        --cfg-options "$@" 2>&1 | tee "$log"
}

tables() {  # the evaluation and top-errors tables of a tools/test.py log, for the summary
    "$PY" - "$1" <<'PY'
import re, sys
text = re.sub(r'\x1b\[[0-9;]*m', '', open(sys.argv[1], encoding='utf-8').read())
lines = text.splitlines()
start = next((i for i, line in enumerate(lines) if line.startswith('Evaluation')), None)
if start is None:
    sys.exit(f'no evaluation table in {sys.argv[1]}')
body = [line for line in lines[start:] if not re.match(r'^\d\d/\d\d \d\d:\d\d:\d\d - ', line)]
print('```'); print('\n'.join(body).strip()); print('```')
PY
}

synthetic_demo() {
    local iters=${ITERS:-600}
    local config="$ROOT/configs/synthetic/mask-rcnn_r18_fpn-light_600i_synthetic.py"
    local scene=(--image-size 448 --chromosome-length 0.185 --chromosome-width 0.02 --spread-radius 0.42)
    step "1/6 synthetic data: 40 training images, 12 held-out test images (448 px)"
    "$PY" "$ROOT/tools/dataset_converters/make_synthetic.py" --out-dir "$DATA/masks" \
        --num-images 40 --seed 0 "${scene[@]}" --formats coco
    "$PY" "$ROOT/tools/dataset_converters/make_synthetic.py" --out-dir "$DATA/test" \
        --num-images 12 --seed 2 "${scene[@]}" --aneuploidy-rate 0.3 --formats coco

    step "2/6 train the light Mask R-CNN from random weights for $iters iterations"
    train "$config" "$OUT/train" "$iters" data_root="$DATA/masks/"
    local ckpt="$OUT/train/iter_$iters.pth"
    "$PY" "$ROOT/tools/analysis_tools/plot_curves.py" "$OUT/train" --out "$OUT/train_curve.png"

    step "3/6 evaluate on the held-out synthetic test set"
    evaluate "$config" "$ckpt" "$OUT/test" "$OUT/test.log" test_dataloader.dataset.data_root="$DATA/test/"

    step "4/6 train the chromosome crop classifier on the training chromosomes, test it on the held-out ones"
    local classifier="$ROOT/configs/chromosome_classifier/cropnet_10e_synthetic.py"
    "$PY" "$ROOT/tools/train.py" "$classifier" --work-dir "$OUT/classifier" --cfg-options \
        data_root="$DATA/masks/" "${NO_VAL[@]}"
    local classifier_ckpt="$OUT/classifier/epoch_10.pth"
    evaluate "$classifier" "$classifier_ckpt" "$OUT/classifier-test" "$OUT/classifier-test.log" \
        data_root="$DATA/test/"

    step "5/6 read the karyotypes of four test images: detector, then the crop classifier names"
    local images=()
    for i in 0 1 2 3; do images+=("$DATA/test/coco/images/$(printf 'synth_%06d.png' "$i")"); done
    "$PY" "$ROOT/tools/analyze.py" "${images[@]}" --config "$config" --checkpoint "$ckpt" \
        --classifier-config "$classifier" --classifier-checkpoint "$classifier_ckpt" --out-dir "$OUT/analysis"

    {
        echo "# mmkaryo demo (synthetic)"
        echo
        echo "Command: \`bash tools/demo.sh${ITERS:+ --iters $ITERS}\`, $(date -u +%Y-%m-%d), $(nproc) CPU cores,"
        echo "$(( ($(date +%s) - START) / 60 )) min until here (install excluded)."
        echo
        echo "Light Mask R-CNN R-18 FPN (\`configs/synthetic/$(basename "$config")\`), trained from"
        echo "random weights for $iters iterations of batch 2 on 40 synthetic 448 px metaphases, then tested"
        echo "on 12 held-out images (30 % aneuploid). Learning curve: \`$OUT/train_curve.png\`."
        echo
        tables "$OUT/test.log"
        echo
        echo "Crop classifier (\`configs/chromosome_classifier/$(basename "$classifier")\`), 10 epochs on the"
        echo "training images' chromosomes, tested on the held-out images' chromosomes (ground-truth masks):"
        echo
        tables "$OUT/classifier-test.log"
        echo
        echo "Karyotype readings of four test images, detector then crop classifier:"
        echo "\`$OUT/analysis/report.html\`"
        echo "(overlays \`*_overlay.png\`, karyograms \`*_karyogram.png\`, COCO results \`results.coco.json\`)."
    } > "$SUMMARY"
}

mfish_reading() {  # the packaged M-FISH model on three held-out-slide DAPI images, as they ship
    local images=()
    for slide in A01 P07 V14; do
        images+=("$(ls "$MFISH"/${slide}__*/*D.tif | head -n 1)")
    done
    step "6/6 packaged M-FISH model: three raw DAPI images of held-out slides (${images[*]##*/})"
    "$PY" "$ROOT/tools/analyze.py" "${images[@]}" --out-dir "$OUT/analysis-mfish" | tee "$OUT/mfish.log"
    {
        echo
        echo "## Real M-FISH metaphases, packaged model"
        echo
        echo "The packaged M-FISH pair, detector + crop classifier (\`mmkaryo/model_zoo/mfish_24class/\`), on"
        echo "three raw DAPI images of slides it was not trained on: \`$OUT/analysis-mfish/report.html\`."
        echo
        echo '```'
        grep -E '^\[[0-9]+/[0-9]+\]' "$OUT/mfish.log" || true
        echo '```'
    } >> "$SUMMARY"
}

synthetic_demo
if [ -n "$MFISH" ]; then mfish_reading; fi

step "done in $(( ($(date +%s) - START) / 60 )) min"
cat "$SUMMARY"
echo
echo "Summary: $SUMMARY"
echo "Report:  $OUT/analysis/report.html"
[ -n "$MFISH" ] && echo "M-FISH:  $OUT/analysis-mfish/report.html"
exit 0
