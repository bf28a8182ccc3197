"""Losses: the box-projection loss for box-only samples."""
from mmkaryo.models.losses.box_projection_loss import (BoxProjectionLoss, box_projection_loss,
                                                       box_targets_in_rois)

__all__ = ['BoxProjectionLoss', 'box_projection_loss', 'box_targets_in_rois']
