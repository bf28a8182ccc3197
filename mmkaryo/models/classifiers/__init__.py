"""Classifiers of chromosome crops (the second stage that names what the detector found)."""
from mmkaryo.models.classifiers.base_crop_classifier import BaseCropClassifier
from mmkaryo.models.classifiers.chromosome_crop_classifier import ChromosomeCropClassifier
from mmkaryo.models.classifiers.crop_classifier_ensemble import ChromosomeCropEnsemble

__all__ = ['BaseCropClassifier', 'ChromosomeCropClassifier', 'ChromosomeCropEnsemble']
