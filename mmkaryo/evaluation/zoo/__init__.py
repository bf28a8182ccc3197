"""The model-zoo table: every column of one model's row on held-out images, and the Otsu baseline.

Pure functions over plain records (:class:`GroundTruthImage`, :class:`Detections`,
:class:`Prediction`); ``tools/analysis_tools/zoo_row.py`` wires them to a model or to Otsu.
"""
from mmkaryo.evaluation.zoo.contact import (CONTACT_NAMES, ISOLATED, OVERLAPPING, TOUCHING,
                                            contact_categories, dilate_rle)
from mmkaryo.evaluation.zoo.coco_map import map50
from mmkaryo.evaluation.zoo.detected_coco import detections_coco
from mmkaryo.evaluation.zoo.detections import Detections, Prediction
from mmkaryo.evaluation.zoo.ground_truth import GroundTruthImage, ground_truth_images
from mmkaryo.evaluation.zoo.image_scores import ImageScores, score_image
from mmkaryo.evaluation.zoo.inputs import load_ground_truth, predict_images
from mmkaryo.evaluation.zoo.karyotype_truth import KaryotypeTruth, karyotype_truth
from mmkaryo.evaluation.zoo.model_prediction import prediction_from_result
from mmkaryo.evaluation.zoo.model_reader import model_predictor, operating_score_thr
from mmkaryo.evaluation.zoo.otsu import OTSU_MIN_AREA, otsu_foreground, otsu_instances
from mmkaryo.evaluation.zoo.row import zoo_row
from mmkaryo.evaluation.zoo.table import COLUMNS, markdown_header, markdown_row

__all__ = [
    'COLUMNS', 'CONTACT_NAMES', 'Detections', 'GroundTruthImage', 'ISOLATED', 'ImageScores', 'KaryotypeTruth',
    'OTSU_MIN_AREA', 'OVERLAPPING', 'Prediction', 'TOUCHING', 'contact_categories', 'detections_coco', 'dilate_rle',
    'ground_truth_images', 'karyotype_truth', 'load_ground_truth', 'map50', 'markdown_header', 'markdown_row',
    'model_predictor', 'operating_score_thr', 'otsu_foreground', 'otsu_instances', 'predict_images',
    'prediction_from_result', 'score_image', 'zoo_row'
]
