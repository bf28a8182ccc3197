# Regime 3 at CPU scale with HTC: the alternating data of the Mask R-CNN config, with the masking HTC
# head (the interleaved mask losses skip box-only batches).
_base_ = ['../_base_/models/htc_r18_fpn_cpu.py', './_base_/synthetic_alternating_320px_300i.py']

model = dict(neck=dict(type='AttentionFPN'))
