#!/usr/bin/env bash
# README command 1, the main job, on CPU from a fresh checkout:
#   synthetic mode (default): generate a box-only set and a mask set, train the small alternating
#     regime (Mask R-CNN R-18 + AttentionFPN, DaTaSeg-style one-source batches), evaluate it on a
#     held-out synthetic test set (mAP@50, class-aware and agnostic AJI, top-errors table), and read
#     the karyotypes of a few test images (overlays, karyograms, ISCN strings, report.html);
#   --data-mfish PATH: convert the real M-FISH folder at PATH, split it by slide, train a
#     class-agnostic and a 24-class model on its training slides and report on its held-out slides.
#
#   bash tools/demo.sh [--data-mfish PATH] [--iters N] [--out-dir DIR]
#
# The summary (the command, the tables, where the outputs are) is written to OUT_DIR/demo.md;
# docs/demo.md holds the one recorded on this project's CPU machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MFISH=""
ITERS=""
OUT="$ROOT/work_dirs/demo"
while [ $# -gt 0 ]; do
    case "$1" in
        --data-mfish) MFISH="$(cd "$2" && pwd)"; shift 2 ;;
        --iters) ITERS="$2"; shift 2 ;;
        --out-dir) OUT="$2"; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
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
    local iters=${ITERS:-300}
    local config="$ROOT/configs/synthetic/mask-rcnn_r18_attention-fpn_300i_synthetic-alternating.py"
    step "1/4 synthetic data: 160 box-only images (CIL VOC format), 40 mask images, 12 test images"
    "$PY" "$ROOT/tools/dataset_converters/make_synthetic.py" --out-dir "$DATA/boxes" \
        --num-images 160 --seed 1 --image-size 320 --formats cil24
    "$PY" "$ROOT/tools/dataset_converters/cil24_to_coco.py" "$DATA/boxes/cil24" \
        "$DATA/boxes/cil24/coco" | tail -n 4
    "$PY" "$ROOT/tools/dataset_converters/make_synthetic.py" --out-dir "$DATA/masks" \
        --num-images 40 --seed 0 --image-size 320 --formats coco
    "$PY" "$ROOT/tools/dataset_converters/make_synthetic.py" --out-dir "$DATA/test" \
        --num-images 12 --seed 2 --image-size 320 --aneuploidy-rate 0.3 --formats coco

    step "2/4 train the alternating regime for $iters iterations (box-only and mask batches by 1:1)"
    train "$config" "$OUT/train" "$iters" data_root="$DATA/masks/" \
        train_dataloader.dataset.datasets.0.data_root="$DATA/boxes/cil24/"
    local ckpt="$OUT/train/iter_$iters.pth"

    step "3/4 evaluate on the held-out synthetic test set"
    evaluate "$config" "$ckpt" "$OUT/test" "$OUT/test.log" test_dataloader.dataset.data_root="$DATA/test/"

    step "4/4 read the karyotypes of four test images"
    local images=()
    for i in 0 1 2 3; do images+=("$DATA/test/coco/images/$(printf 'synth_%06d.png' "$i")"); done
    "$PY" "$ROOT/tools/analyze.py" "${images[@]}" --config "$config" --checkpoint "$ckpt" \
        --out-dir "$OUT/analysis"

    {
        echo "# mmkaryo demo (synthetic)"
        echo
        echo "Command: \`bash tools/demo.sh${ITERS:+ --iters $ITERS}\`, $(date -u +%Y-%m-%d), $(nproc) CPU cores,"
        echo "$(( ($(date +%s) - START) / 60 )) min (install excluded)."
        echo
        echo "Mask R-CNN R-18 + AttentionFPN (\`configs/synthetic/$(basename "$config")\`), trained from"
        echo "scratch for $iters iterations of batch 2 on 160 box-only and 40 mask images (320 px),"
        echo "alternating one-source batches 1:1, then tested on 12 held-out images (30 % aneuploid)."
        echo
        tables "$OUT/test.log"
        echo
        echo "Karyotype readings of four test images: \`$OUT/analysis/report.html\`"
        echo "(overlays \`*_overlay.png\`, karyograms \`*_karyogram.png\`, COCO results \`results.coco.json\`)."
    } > "$SUMMARY"
}

mfish_demo() {
    local iters=${ITERS:-150}
    local agnostic="$ROOT/configs/mfish/mask-rcnn_r18_fpn_300i_mfish-agnostic.py"
    local classes="$ROOT/configs/mfish/mask-rcnn_r18_fpn_300i_mfish.py"
    step "1/4 convert the M-FISH folder $MFISH (inverted copies + licence under $DATA/mfish)"
    "$PY" "$ROOT/tools/dataset_converters/mfish_to_coco.py" "$MFISH" \
        "$DATA/mfish/annotations/mfish.json" --invert-to "$DATA/mfish/images" --test-ratio 0.25 \
        | tail -n 8

    step "2/4 class-agnostic model: train $iters iterations on the training slides, test on the others"
    train "$agnostic" "$OUT/agnostic" "$iters" data_root="$DATA/mfish/"
    evaluate "$agnostic" "$OUT/agnostic/iter_$iters.pth" "$OUT/agnostic-test" "$OUT/agnostic.log" \
        test_dataloader.dataset.data_root="$DATA/mfish/"

    step "3/4 24-class model: train $iters iterations, test on the held-out slides"
    train "$classes" "$OUT/classes" "$iters" data_root="$DATA/mfish/"
    evaluate "$classes" "$OUT/classes/iter_$iters.pth" "$OUT/classes-test" "$OUT/classes.log" \
        test_dataloader.dataset.data_root="$DATA/mfish/"

    step "4/4 read the karyotypes of three held-out images"
    local images
    mapfile -t images < <("$PY" - "$DATA/mfish/annotations/mfish_test.json" "$DATA/mfish/images" <<'PY'
import json, os, sys
coco = json.load(open(sys.argv[1]))
for image in coco['images'][:3]:
    print(os.path.join(sys.argv[2], image['file_name']))
PY
)
    "$PY" "$ROOT/tools/analyze.py" "${images[@]}" --config "$classes" \
        --checkpoint "$OUT/classes/iter_$iters.pth" --out-dir "$OUT/analysis"

    {
        echo "# mmkaryo demo (real M-FISH, slide-level split)"
        echo
        echo "Command: \`bash tools/demo.sh --data-mfish PATH${ITERS:+ --iters $ITERS}\`, $(date -u +%Y-%m-%d),"
        echo "$(nproc) CPU cores, $(( ($(date +%s) - START) / 60 )) min (install excluded)."
        echo
        echo "Mask R-CNN R-18 FPN from scratch, $iters iterations of batch 2 at 320 px on the training"
        echo "slides; numbers on the held-out slides."
        echo
        echo "## Class-agnostic"
        tables "$OUT/agnostic.log"
        echo
        echo "## 24 classes"
        tables "$OUT/classes.log"
        echo
        echo "Karyotype readings of three held-out images: \`$OUT/analysis/report.html\`."
    } > "$SUMMARY"
}

if [ -n "$MFISH" ]; then mfish_demo; else synthetic_demo; fi

step "done in $(( ($(date +%s) - START) / 60 )) min"
cat "$SUMMARY"
echo
echo "Summary: $SUMMARY"
echo "Report:  $OUT/analysis/report.html"
