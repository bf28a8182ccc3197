"""Per-sample mask-loss masking shared by mmkaryo's RoI heads.

Each sample's ``metainfo['with_mask']`` (default True) decides whether it contributes to the mask loss.
The head's ``loss()`` copies the flag into the sample's ``gt_instances`` metainfo, and ``mask_loss`` reads
it from the ground truth it is passed (an error if it is missing, never a guess):

* every sample has masks: the parent head's mask loss runs unchanged;
* some samples have masks: the positives of the box-only samples are hidden from the mask branch
  (treated as negatives), so the mask loss is averaged over the positives of the mask samples only;
* no sample has masks: the mask forward is skipped and the loss is ``sum(p.sum()) * 0`` over the
  skipped modules' parameters — a zero that is still connected to them, so every parameter receives a
  (zero) gradient and DDP runs without ``find_unused_parameters``.

The loss dict therefore has the same keys at every step. With an optional :class:`BoxProjectionLoss`
(weight > 0) the box-only samples' positives also get a mask forward and the projection loss, reported
as ``loss_mask_proj`` at every step (a connected zero when the batch has no box-only positive).
"""
import copy
from typing import Callable, List, Optional, Sequence, Tuple

import torch
from mmdet.models.task_modules.samplers import SamplingResult
from mmdet.structures import SampleList
from mmdet.structures.bbox import bbox2roi, get_box_tensor
from mmdet.utils import InstanceList, OptConfigType
from mmengine.structures import InstanceData
from torch import Tensor, nn

from mmkaryo.models.losses.box_projection_loss import box_targets_in_rois
from mmkaryo.registry import MODELS

MaskLossFn = Callable[[List[SamplingResult], InstanceList], dict]
MaskLogitsFn = Callable[[Tensor], Tensor]


def with_mask_flags(batch_data_samples: SampleList) -> List[bool]:
    """Return each sample's ``metainfo['with_mask']`` (True where the key is absent)."""
    return [bool(sample.metainfo.get('with_mask', True)) for sample in batch_data_samples]


def mark_gt_instances(batch_data_samples: SampleList) -> None:
    """Copy each sample's :func:`with_mask_flags` flag into its ``gt_instances`` metainfo, so that the
    flag travels with the ground truth mmdet's heads pass to ``mask_loss``."""
    for sample, flag in zip(batch_data_samples, with_mask_flags(batch_data_samples)):
        sample.gt_instances.set_metainfo(dict(with_mask=flag))


def gt_mask_flags(batch_gt_instances: InstanceList) -> List[bool]:
    """The ``with_mask`` flag of each image's ground truth, as :func:`mark_gt_instances` set it.

    Raises:
        ValueError: a ground truth without the flag (the head's ``loss()`` did not mark it).
    """
    missing = [i for i, gt in enumerate(batch_gt_instances) if 'with_mask' not in gt.metainfo]
    if missing:
        raise ValueError(f'mask_loss_masking.py: gt_instances of samples {missing} carry no with_mask flag; '
                         'the mask loss of a masking RoI head runs inside its loss(), which sets it')
    return [bool(gt.metainfo['with_mask']) for gt in batch_gt_instances]


def connected_zero(modules: Sequence[nn.Module]) -> Tensor:
    """Return ``sum(p.sum() for p in params) * 0``: a zero whose gradient reaches every parameter.

    Raises:
        ValueError: if the modules have no parameter to connect the zero to.
    """
    params = [p for module in modules for p in module.parameters() if p.requires_grad]
    if not params:
        raise ValueError('mask_loss_masking.py: connected_zero needs at least one trainable parameter.')
    return torch.stack([p.sum() for p in params]).sum() * 0


def hide_positives(result: SamplingResult) -> SamplingResult:
    """Return a shallow copy of ``result`` whose positives are re-labelled as negatives.

    ``priors`` (positives then negatives) keeps its order and length, so RoI features computed from the
    original result stay aligned with the copy; only the mask branch, which reads the ``pos_*`` fields,
    sees no positive.
    """
    hidden = copy.copy(result)
    hidden.neg_priors = result.priors
    hidden.neg_inds = torch.cat([result.pos_inds, result.neg_inds])
    for name in ('pos_inds', 'pos_priors', 'pos_is_gt', 'pos_assigned_gt_inds', 'pos_gt_labels',
                 'pos_gt_bboxes'):
        setattr(hidden, name, getattr(result, name)[:0])
    return hidden


def keep_mask_positives(flags: Sequence[bool], sampling_results: List[SamplingResult],
                        batch_gt_instances: InstanceList) -> Tuple[List[SamplingResult], InstanceList]:
    """Hide the positives of box-only samples; give them an empty mask placeholder (never indexed)."""
    results, gts = [], []
    for flag, result, gt in zip(flags, sampling_results, batch_gt_instances):
        results.append(result if flag else hide_positives(result))
        gts.append(gt if flag else InstanceData(masks=[]))
    return results, gts


class MaskLossMaskingMixin:
    """Mixin for mmdet RoI heads: per-sample mask-loss masking driven by ``metainfo['with_mask']``.

    Put it before the mmdet head in the bases. The subclass calls :meth:`_init_box_projection` in its
    ``__init__`` and routes its ``mask_loss`` through :meth:`_masked_mask_loss`, passing the parent's
    mask loss, a mask-logits function for RoIs and the mask-branch modules of the stage.
    """

    def _init_box_projection(self, loss_box_proj: OptConfigType) -> None:
        """Build the optional box-projection loss; a missing config or loss_weight 0 disables it."""
        self.loss_box_proj = None
        if loss_box_proj is not None:
            loss = MODELS.build(loss_box_proj)
            if loss.loss_weight > 0:
                self.loss_box_proj = loss

    def loss(self, x: Tuple[Tensor], rpn_results_list: InstanceList,
             batch_data_samples: SampleList) -> dict:
        """Mark each sample's ground truth with its ``with_mask`` flag, then compute the parent head's
        losses (whose ``mask_loss`` reads the flags from the ground truth it is given)."""
        mark_gt_instances(batch_data_samples)
        return super().loss(x, rpn_results_list, batch_data_samples)

    def _masked_mask_loss(self, parent_mask_loss: MaskLossFn, mask_logits: MaskLogitsFn,
                          sampling_results: List[SamplingResult], batch_gt_instances: InstanceList,
                          mask_modules: Sequence[nn.Module]) -> dict:
        """Run ``parent_mask_loss`` on the with-mask samples only (see the module docstring).

        Returns:
            dict with ``loss_mask`` (a dict of loss tensors, always with the same keys) and, when the
            mask forward ran, the parent's other outputs.
        """
        flags = gt_mask_flags(batch_gt_instances)
        if len(flags) != len(sampling_results):
            raise ValueError(f'mask_loss_masking.py: {len(flags)} ground truths for '
                             f'{len(sampling_results)} sampling results.')
        if all(flags):
            mask_results = parent_mask_loss(sampling_results, batch_gt_instances)
        elif any(flags):
            mask_results = parent_mask_loss(*keep_mask_positives(flags, sampling_results,
                                                                 batch_gt_instances))
        else:
            mask_results = dict(loss_mask=dict(loss_mask=connected_zero(mask_modules)))
        if self.loss_box_proj is not None:
            mask_results['loss_mask']['loss_mask_proj'] = self._box_projection_loss(
                flags, sampling_results, mask_logits, mask_modules)
        return mask_results

    def _box_projection_loss(self, flags: Sequence[bool], sampling_results: List[SamplingResult],
                             mask_logits: MaskLogitsFn, mask_modules: Sequence[nn.Module]) -> Tensor:
        """Box-projection loss over the positives of the box-only samples (connected zero if none)."""
        box_only = [result if not flag else hide_positives(result)
                    for flag, result in zip(flags, sampling_results)]
        priors = [get_box_tensor(result.pos_priors) for result in box_only]
        if sum(len(p) for p in priors) == 0:
            return connected_zero(mask_modules)
        logits = mask_logits(bbox2roi(priors))
        labels = torch.cat([result.pos_gt_labels for result in box_only])
        if logits.size(1) > 1:
            logits = logits[torch.arange(len(labels), device=logits.device), labels]
        else:
            logits = logits[:, 0]
        targets = box_targets_in_rois(
            torch.cat(priors), torch.cat([get_box_tensor(r.pos_gt_bboxes) for r in box_only]),
            logits.shape[-1])
        return self.loss_box_proj(logits.sigmoid(), targets)


def stage_mask_modules(head: nn.Module, stage: Optional[int] = None) -> List[nn.Module]:
    """Return the mask head (and a non-shared mask RoI extractor) of ``stage`` (None: single-stage)."""
    def pick(module: nn.Module) -> nn.Module:
        return module if stage is None else module[stage]

    modules = [pick(head.mask_head)]
    if not head.share_roi_extractor:
        modules.append(pick(head.mask_roi_extractor))
    return modules
