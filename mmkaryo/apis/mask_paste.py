"""Paste predicted masks into their own boxes only, never into an (N, H, W) full-size stack.

mmdet's ``FCNMaskHead._predict_by_feat_single`` allocates ``torch.zeros(N, H, W, dtype=bool)`` at the
original image size and pastes each instance's 28 x 28 mask into it (34 MiB per instance at
6000 x 6000). :func:`attach_mask_crops` wraps that method on one model's final mask head (an instance
attribute: the class, other models and the config are untouched). The wrapper keeps mmdet's steps
(sigmoid unless ``activate_map``, in-place rescale of the boxes to the original image when
``rescale``, the mask of each box's label) and pastes each instance alone with mmdet's own
``_do_paste_mask(..., skip_empty=True)``, which samples only the box's integer region (floor - 1 to
ceil + 1, clipped to the image) — exactly what mmdet does on CPU, one instance per chunk. It returns a
:class:`~mmkaryo.structures.MaskCrops` of those regions thresholded at ``mask_thr_binary``, so
``masks.full(i)`` equals row ``i`` of the unwrapped head's CPU output. A box whose region is empty
(wholly outside the image) gives an empty mask; mmdet's CPU paste raises on it.
"""
import numpy as np
from mmdet.models.roi_heads.mask_heads import FCNMaskHead
from mmdet.models.roi_heads.mask_heads.fcn_mask_head import _do_paste_mask
from mmengine.config import ConfigDict
from torch import Tensor, nn

from mmkaryo.structures import MaskCrops

_MARK = '_mmkaryo_pastes_mask_crops'


def final_mask_head(model: nn.Module) -> FCNMaskHead:
    """Return the mask head whose predictions a two-stage (or cascade) detector outputs."""
    head = getattr(getattr(model, 'roi_head', None), 'mask_head', None)
    if isinstance(head, nn.ModuleList):
        head = head[-1]
    if not isinstance(head, FCNMaskHead):
        raise TypeError(f'{type(model).__name__} has no FCNMaskHead (found {type(head).__name__}); '
                        'mask crops need a Mask R-CNN, Cascade Mask R-CNN or HTC mask head')
    return head


def attach_mask_crops(model: nn.Module) -> nn.Module:
    """Make ``model``'s predicted ``masks`` a :class:`MaskCrops` (idempotent)."""
    head = final_mask_head(model)
    if getattr(head, _MARK, False):
        return model

    def predict_single(mask_preds: Tensor, bboxes: Tensor, labels: Tensor, img_meta: dict,
                       rcnn_test_cfg: ConfigDict, rescale: bool = False, activate_map: bool = False) -> MaskCrops:
        threshold = rcnn_test_cfg.mask_thr_binary
        if threshold < 0:
            raise ValueError(f'mask_thr_binary = {threshold}: mask crops hold binary masks; '
                             'set model.test_cfg.rcnn.mask_thr_binary >= 0')
        img_h, img_w = img_meta['ori_shape'][:2]
        scale_factor = bboxes.new_tensor(img_meta['scale_factor']).repeat((1, 2))
        mask_preds = bboxes.new_tensor(mask_preds) if activate_map else mask_preds.sigmoid()
        if rescale:  # in place, as mmdet does: the results' boxes become original-image boxes
            bboxes /= scale_factor
        else:
            img_h = int(np.round(img_h * scale_factor[0, 1].item()))
            img_w = int(np.round(img_w * scale_factor[0, 0].item()))
        num = len(mask_preds)
        if not head.class_agnostic:
            mask_preds = mask_preds[range(num), labels][:, None]
        crops, offsets = [], []
        for i in range(num):
            box = bboxes[i:i + 1]
            x0, y0, x1, y1 = box[0].tolist()
            if max(np.floor(x0) - 1, 0) >= min(np.ceil(x1) + 1, img_w) or \
                    max(np.floor(y0) - 1, 0) >= min(np.ceil(y1) + 1, img_h):
                crops.append(np.zeros((0, 0), dtype=bool))
                offsets.append((0, 0))
                continue
            pasted, (rows, cols) = _do_paste_mask(mask_preds[i:i + 1], box, img_h, img_w, skip_empty=True)
            crops.append((pasted[0] >= threshold).cpu().numpy())
            offsets.append((int(cols.start), int(rows.start)))
        return MaskCrops(crops, offsets, (img_h, img_w))

    head._predict_by_feat_single = predict_single
    setattr(head, _MARK, True)
    return model
