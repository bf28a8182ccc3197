"""Classifiers of chromosome crops (the second stage that names what the detector found)."""
from mmkaryo.models.classifiers.chromosome_crop_classifier import ChromosomeCropClassifier

__all__ = ['ChromosomeCropClassifier']
