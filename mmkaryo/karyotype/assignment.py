"""Constrained class assignment: read each chromosome's class under a karyotype prior.

Each instance i has a probability vector ``scores[i]`` over K classes (K = 24: 0..21 = chromosomes
1..22, 22 = X, 23 = Y). Its cost for class k is ``-log(scores[i, k])``. The prior is expressed as
class *slots*, each slot holding at most one instance:

* two free slots per autosome;
* two free sex slots: one takes an X, the other takes an X or a Y. Their union allows exactly the free
  sex sets of the two normal hypotheses (XX and XY) and of their losses (X, Y, none), so one
  assignment problem gives the better of the XX and XY readings;
* ``num_instances`` extra slots per class, each costing ``extra_penalty`` on top of the instance's cost.

Minimising the total cost over all slot assignments (``scipy.optimize.linear_sum_assignment``) is
exact; it equals minimising, over all labellings, ``sum_i -log p[i, label_i] + extra_penalty * E``
where E counts copies beyond 2 per autosome plus the sex-chromosome excess
``min(max(nX-2, 0) + nY, max(nX-1, 0) + max(nY-1, 0))``. A missing chromosome costs nothing by itself:
an instance moves to an empty slot only when the evidence (its scores) permits it.

``extra_penalty`` is the log-likelihood ratio an instance needs in favour of a surplus copy before it
is read as one: with the default 3.0 a third chromosome 21 stays a 21 only when it is at least
e^3 ≈ 20 times likelier a 21 than any class with a free slot.
"""
from typing import List, Sequence, Tuple

import numpy as np
from scipy.optimize import linear_sum_assignment

DEFAULT_EXTRA_PENALTY = 3.0
_EPS = 1e-12

# A slot: the classes it accepts and the cost added when an instance fills it.
Slot = Tuple[Tuple[int, ...], float]


def _check_scores(scores: np.ndarray) -> np.ndarray:
    scores = np.asarray(scores, dtype=np.float64)
    if scores.ndim != 2:
        raise ValueError(f'scores must be an (N, K) array, got shape {scores.shape}')
    if scores.shape[1] < 2:
        raise ValueError(f'scores needs at least the two sex-chromosome columns, got {scores.shape[1]}')
    if not np.all(np.isfinite(scores)) or np.any(scores < 0):
        raise ValueError('scores must be finite, non-negative probabilities')
    return scores


def karyotype_slots(num_classes: int, num_instances: int, extra_penalty: float) -> List[Slot]:
    """Slots of the normal human karyotype prior for ``num_classes`` classes (last two = X, Y)."""
    x_index, y_index = num_classes - 2, num_classes - 1
    slots: List[Slot] = []
    for k in range(num_classes - 2):
        slots += [((k, ), 0.0), ((k, ), 0.0)]
    slots += [((x_index, ), 0.0), ((x_index, y_index), 0.0)]
    for k in range(num_classes):
        slots += [((k, ), float(extra_penalty))] * num_instances
    return slots


def solve_slot_assignment(costs: np.ndarray, slots: Sequence[Slot]) -> Tuple[np.ndarray, float]:
    """Give each instance one slot (at most one instance per slot) at minimum total cost.

    Args:
        costs: (N, K) cost of instance i taking class k.
        slots: (accepted classes, added cost) per slot; needs at least N slots.

    Returns:
        (labels, total_cost): the (N,) class of each instance (the cheapest class its slot accepts)
        and the minimum total cost.
    """
    num_instances = costs.shape[0]
    if len(slots) < num_instances:
        raise ValueError(f'{len(slots)} slots cannot hold {num_instances} instances')
    if num_instances == 0:
        return np.zeros(0, dtype=np.int64), 0.0
    slot_costs = np.empty((num_instances, len(slots)))
    slot_labels = np.empty((num_instances, len(slots)), dtype=np.int64)
    for s, (accepted, added) in enumerate(slots):
        accepted_costs = costs[:, list(accepted)]
        best = accepted_costs.argmin(axis=1)
        slot_labels[:, s] = np.asarray(accepted)[best]
        slot_costs[:, s] = accepted_costs[np.arange(num_instances), best] + added
    rows, cols = linear_sum_assignment(slot_costs)
    labels = np.empty(num_instances, dtype=np.int64)
    labels[rows] = slot_labels[rows, cols]
    return labels, float(slot_costs[rows, cols].sum())


def assign_classes(scores: np.ndarray, extra_penalty: float = DEFAULT_EXTRA_PENALTY) -> np.ndarray:
    """Return each instance's class under the karyotype prior (see the module docstring).

    Args:
        scores: (N, K) per-instance class probabilities, K = 24 for human chromosomes (column k =
            class index k; the last two columns are X and Y, the others autosomes). Rows need not sum
            to one; zeros are clipped to 1e-12 before the logarithm.
        extra_penalty: cost (in nats) of each chromosome beyond the normal count; >= 0.

    Returns:
        (N,) int64 class indices.
    """
    scores = _check_scores(scores)
    if extra_penalty < 0:
        raise ValueError(f'extra_penalty must be >= 0, got {extra_penalty}')
    costs = -np.log(np.clip(scores, _EPS, None))
    slots = karyotype_slots(scores.shape[1], scores.shape[0], extra_penalty)
    return solve_slot_assignment(costs, slots)[0]


def argmax_classes(scores: np.ndarray) -> np.ndarray:
    """Return each instance's most probable class, ignoring the karyotype prior ((N,) int64)."""
    return _check_scores(scores).argmax(axis=1).astype(np.int64)
