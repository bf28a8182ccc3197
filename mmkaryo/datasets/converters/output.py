"""Writing converter output: COCO JSON files and a per-split summary table for the CLIs."""
import json
import os
import os.path as osp
from typing import Any, Dict


def dump_coco(coco: Dict[str, Any], path: str) -> None:
    """Write ``coco`` as JSON to ``path``, creating its folder."""
    if osp.dirname(path):
        os.makedirs(osp.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(coco, f)


def split_summary(files: Dict[str, Dict[str, Any]]) -> str:
    """A table of images and instances per written file (``{path: coco}``)."""
    lines = ['-- files written --', f'{"file":<60}{"images":>8}{"instances":>11}']
    lines += [f'{path:<60}{len(coco["images"]):>8}{len(coco["annotations"]):>11}'
              for path, coco in files.items()]
    return '\n'.join(lines)


def write_splits(splits: Dict[str, Dict[str, Any]], out_dir: str, report: Any) -> Dict[str, str]:
    """Write each split as ``out_dir/<name>.json``, then print the report table and the file summary.

    The converter CLIs' common ending; returns ``{split name: path written}``.
    """
    return write_files({osp.join(out_dir, f'{name}.json'): coco for name, coco in splits.items()},
                       report)


def write_files(files: Dict[str, Dict[str, Any]], report: Any) -> Dict[str, str]:
    """Write ``{path: coco}``, then print ``report.format_table()`` and :func:`split_summary`."""
    for path, coco in files.items():
        dump_coco(coco, path)
    print(report.format_table())
    print(split_summary(files))
    return {osp.splitext(osp.basename(path))[0]: path for path in files}
