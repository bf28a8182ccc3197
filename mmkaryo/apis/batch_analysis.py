"""Read a batch of metaphase images and write every output: per image ``<name>.json``,
``<name>_overlay.png`` and ``<name>_karyogram.png``; once ``results.coco.json`` (COCO results, image ids
1..n in input order) and ``report.html``. The CLI is :mod:`mmkaryo.analyze`.
"""
import json
from pathlib import Path
from typing import List, Sequence, Tuple

from PIL import Image

from mmkaryo.apis.image_io import list_images, read_gray_image
from mmkaryo.apis.inferencer import KaryotypeInferencer, KaryotypeResult
from mmkaryo.apis.outputs import result_record
from mmkaryo.apis.report import polarity_note, render_report
from mmkaryo.visualization import render_karyogram, render_overlay


def write_image_outputs(result: KaryotypeResult, image_id: int, out_dir: Path) -> dict:
    """Write ``<name>.json``, ``<name>_overlay.png`` and ``<name>_karyogram.png``; return the record
    (the JSON content plus the two PNG names, as :func:`render_report` needs them)."""
    record = result_record(result, image_id)
    record.update(overlay=f'{result.name}_overlay.png', karyogram=f'{result.name}_karyogram.png')
    karyogram = render_karyogram(result.image, result.masks, result.labels, title=result.karyotype)
    Image.fromarray(render_overlay(result)).save(out_dir / record['overlay'])
    Image.fromarray(karyogram.image).save(out_dir / record['karyogram'])
    (out_dir / f'{result.name}.json').write_text(json.dumps(record, indent=1))
    return record


def write_run_outputs(records: Sequence[dict], out_dir: Path) -> None:
    """Write ``results.coco.json`` (every instance, COCO results format) and ``report.html``."""
    coco = [{key: entry[key] for key in ('image_id', 'category_id', 'bbox', 'score', 'segmentation')}
            for record in records for entry in record['instances']]
    (out_dir / 'results.coco.json').write_text(json.dumps(coco))
    (out_dir / 'report.html').write_text(render_report(records), encoding='utf-8')


def analyze_images(inferencer: KaryotypeInferencer, inputs: Sequence[str],
            out_dir: Path) -> Tuple[List[dict], List[str]]:
    """Read every image of ``inputs`` and write all outputs to ``out_dir``.

    An image file that cannot be decoded (truncated, empty, not an image) is skipped, not fatal.
    Prints one line per image: its polarity and whether it was inverted for the model, its
    karyotype. Returns the records of the images read (image ids 1..n in input order) and one message
    naming the file and the problem per skipped image. Raises FileNotFoundError/ValueError on missing
    inputs or image names that would collide in ``out_dir``.
    """
    paths = list_images(inputs)
    stems = [p.stem for p in paths]
    if len(set(stems)) != len(stems):
        duplicates = sorted({s for s in stems if stems.count(s) > 1})
        raise ValueError(f'input images share names {duplicates}; outputs are named after the image')
    out_dir.mkdir(parents=True, exist_ok=True)
    records, skipped = [], []
    for k, path in enumerate(paths, start=1):
        try:
            gray = read_gray_image(path)
        except (OSError, ValueError) as error:
            skipped.append(str(error))
            print(f'[{k}/{len(paths)}] {path.name}: skipped (unreadable)', flush=True)
        else:
            record = write_image_outputs(inferencer.read(gray, name=path.stem), len(records) + 1, out_dir)
            records.append(record)
            print(f'[{k}/{len(paths)}] {path.name}: {polarity_note(record)}; {record["karyotype"]}, '
                  f'{record["num_instances"]} chromosomes', flush=True)
    write_run_outputs(records, out_dir)
    return records, skipped
