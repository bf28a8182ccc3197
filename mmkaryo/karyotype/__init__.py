"""Karyotype reading from per-instance class scores: pure functions, no model needed.

Public contract: ``from mmkaryo.karyotype import assign_classes, karyotype_string``.
"""
from mmkaryo.karyotype.assignment import (DEFAULT_EXTRA_PENALTY, argmax_classes, assign_classes,
                                          karyotype_slots, solve_slot_assignment)
from mmkaryo.karyotype.iscn import (counts_from_labels, counts_to_karyotype, karyotype_string,
                                    parse_karyotype)
from mmkaryo.karyotype.pairing import Pairing, group_of_class, pair_chromosomes
from mmkaryo.karyotype.sanity import is_normal_karyotype, karyotype_sanity
from mmkaryo.karyotype.upright import principal_axis, upright_crop

__all__ = [
    'DEFAULT_EXTRA_PENALTY', 'Pairing', 'argmax_classes', 'assign_classes', 'counts_from_labels',
    'counts_to_karyotype', 'group_of_class', 'is_normal_karyotype', 'karyotype_sanity', 'karyotype_slots',
    'karyotype_string', 'pair_chromosomes', 'parse_karyotype', 'principal_axis', 'solve_slot_assignment',
    'upright_crop'
]
