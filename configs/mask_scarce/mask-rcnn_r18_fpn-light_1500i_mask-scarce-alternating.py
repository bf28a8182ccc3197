# Regime "alternating" (DaTaSeg, Gu et al. 2023): the baseline's model and recipe, every batch drawn from
# ONE source, the box-only part (source 0) or the mask part (source 1), by `source_ratios` (1:1; another
# ratio with --cfg-options train_dataloader.batch_sampler.ratios=[2,1]). Box-only batches train the RPN
# and box head only (the masking RoI head skips their mask loss).
_base_ = './mask-rcnn_r18_fpn-light_1500i_mask-scarce.py'

train_dataloader = _base_.alternating_dataloader
