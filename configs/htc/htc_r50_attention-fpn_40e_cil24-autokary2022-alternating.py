# Regime 3 with HTC + AttentionFPN: alternating CIL box / AutoKary2022 mask batches; the interleaved
# mask losses skip box-only batches.
_base_ = [
    '../_base_/models/htc_r50_fpn.py', '../_base_/datasets/cil24_autokary2022_alternating.py',
    '../_base_/schedules/sgd_40e.py', '../_base_/default_runtime.py'
]

model = dict(neck=dict(type='AttentionFPN'))
