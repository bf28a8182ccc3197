"""Inference: a detector's chromosomes with full class scores, read into a karyotype."""
from mmkaryo.apis.batch_analysis import analyze_images, write_image_outputs, write_run_outputs
from mmkaryo.apis.class_scores import attach_class_scores, final_bbox_head
from mmkaryo.apis.default_model import default_model_files
from mmkaryo.apis.image_io import IMAGE_SUFFIXES, list_images, read_gray_image, to_gray, to_uint8
from mmkaryo.apis.inferencer import KaryotypeInferencer, KaryotypeResult, read_karyotype
from mmkaryo.apis.mask_paste import attach_mask_crops, final_mask_head
from mmkaryo.apis.outputs import coco_results, result_record
from mmkaryo.apis.polarity import POLARITIES, detect_polarity, to_polarity
from mmkaryo.apis.report import polarity_note, render_report

__all__ = [
    'IMAGE_SUFFIXES', 'KaryotypeInferencer', 'KaryotypeResult', 'POLARITIES', 'analyze_images',
    'attach_class_scores', 'attach_mask_crops', 'coco_results', 'default_model_files', 'detect_polarity',
    'final_bbox_head', 'final_mask_head', 'list_images', 'polarity_note', 'read_gray_image', 'read_karyotype',
    'render_report', 'result_record', 'to_gray', 'to_polarity', 'to_uint8', 'write_image_outputs',
    'write_run_outputs'
]
