"""Peak memory of reading one big image and writing its outputs (run as a script by the tests).

``python big_image_memory.py CONFIG CHECKPOINT IMAGE OUT_DIR MAX_INSTANCES`` prints one JSON line:
``instances``, ``height``, ``width``, ``crops_mib`` (the instances' mask crops, one byte per pixel) and
``peak_mib``, the growth of the peak resident set size (``resource.getrusage``) over a warm-up read of
a small image.
"""
import json
import resource
import sys
from pathlib import Path

import numpy as np

from mmkaryo.apis import write_image_outputs
from mmkaryo.apis import KaryotypeInferencer


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main() -> None:
    config, checkpoint, image, out_dir, max_instances = sys.argv[1:]
    inferencer = KaryotypeInferencer(config, checkpoint, score_thr=0.0,
                                     cfg_options={'model.test_cfg.rcnn.max_per_img': int(max_instances)})
    write_image_outputs(inferencer.read(np.full((64, 64), 200, np.uint8), name='warm-up'), 1, Path(out_dir))
    before = _peak_mib()
    result = inferencer.read(image)
    write_image_outputs(result, 2, Path(out_dir))
    print(json.dumps(dict(instances=len(result.labels), height=result.image.shape[0],
                          width=result.image.shape[1], peak_mib=_peak_mib() - before,
                          crops_mib=sum(crop.size for crop in result.masks.crops) / 2**20)))


if __name__ == '__main__':
    main()
