# Cascade Mask R-CNN on the alternating regime (one-source batches; the masking cascade head skips every
# stage's mask loss on box-only batches). Ratio: --cfg-options train_dataloader.batch_sampler.ratios=[b,m].
_base_ = './cascade-mask-rcnn_r18_fpn-light_1500i_mask-scarce.py'

train_dataloader = _base_.alternating_dataloader
