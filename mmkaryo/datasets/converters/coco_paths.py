"""Moving a COCO file: its image ``file_name``s rewritten for another folder."""
import copy
import os.path as osp
from typing import Any, Dict


def rebase_file_names(coco: Dict[str, Any], image_root: str, new_root: str) -> Dict[str, Any]:
    """A copy of ``coco`` whose ``file_name``s, relative to ``image_root``, are relative to ``new_root``.

    So that a file written into ``new_root`` finds its images with ``data_root=new_root`` and
    ``data_prefix=dict(img='')``. Paths stay relative (``../``), so moving both folders together
    keeps them valid. The input is not modified.
    """
    out = copy.deepcopy(coco)
    for image in out['images']:
        path = osp.join(image_root, image['file_name'])
        image['file_name'] = osp.relpath(osp.abspath(path), osp.abspath(new_root))
    return out
