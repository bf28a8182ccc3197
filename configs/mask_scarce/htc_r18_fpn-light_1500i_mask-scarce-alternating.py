# HTC on the alternating regime (the masking HTC head skips the interleaved mask losses on box-only
# batches). Ratio: --cfg-options train_dataloader.batch_sampler.ratios=[b,m].
_base_ = './htc_r18_fpn-light_1500i_mask-scarce.py'

train_dataloader = _base_.alternating_dataloader
