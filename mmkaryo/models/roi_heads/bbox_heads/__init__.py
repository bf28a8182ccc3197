"""Box heads of mmkaryo's RoI heads."""
from mmkaryo.models.roi_heads.bbox_heads.chromosomeness_bbox_head import ChromosomenessBBoxHead

__all__ = ['ChromosomenessBBoxHead']
