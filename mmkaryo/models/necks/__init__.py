"""Necks: AttentionFPN (FPN + CBAM on each level)."""
from mmkaryo.models.necks.attention_fpn import AttentionFPN

__all__ = ['AttentionFPN']
