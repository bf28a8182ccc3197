import itertools

import numpy as np
import pytest

from mmkaryo.karyotype import (argmax_classes, assign_classes, karyotype_string, parse_karyotype,
                               solve_slot_assignment)

NUM_CLASSES = 24


def labels_of(karyotype: str) -> np.ndarray:
    counts = parse_karyotype(karyotype)
    return np.repeat(np.arange(NUM_CLASSES), counts)


def confident_scores(labels: np.ndarray, confidence: float = 0.9) -> np.ndarray:
    scores = np.full((len(labels), NUM_CLASSES), (1 - confidence) / (NUM_CLASSES - 1))
    scores[np.arange(len(labels)), labels] = confidence
    return scores


def test_normal_reading_recovered_where_argmax_makes_a_third_19():
    labels = labels_of('46,XY')
    scores = confident_scores(labels)
    one_20 = np.flatnonzero(labels == 19)[0]
    scores[one_20] = 0.002
    scores[one_20, 18], scores[one_20, 19] = 0.55, 0.40
    assert karyotype_string(argmax_classes(scores)) == '46,XY,+19,-20'
    assigned = assign_classes(scores)
    assert karyotype_string(assigned) == '46,XY'
    np.testing.assert_array_equal(assigned, labels)


def test_strong_trisomy_21_is_kept():
    labels = labels_of('47,XX,+21')
    scores = confident_scores(labels, confidence=0.97)
    assert karyotype_string(assign_classes(scores)) == '47,XX,+21'


@pytest.mark.parametrize('p21, expected', [(0.99, '46,XX,-20,+21'), (0.85, '46,XX')])
def test_extra_penalty_is_the_evidence_needed_for_a_surplus_copy(p21, expected):
    # A third 21 whose only alternative is the missing 20: kept when p21 / p20 > e^3, moved otherwise.
    labels = labels_of('46,XX,-20,+21')
    scores = confident_scores(labels, confidence=0.999)
    third_21 = np.flatnonzero(labels == 20)[2]
    scores[third_21] = 0.0
    scores[third_21, 20], scores[third_21, 19] = p21, 1 - p21
    assert karyotype_string(assign_classes(scores, extra_penalty=3.0)) == expected


def test_missing_chromosome_gives_45_xy_minus_8():
    rng = np.random.default_rng(0)
    labels = labels_of('45,XY,-8')
    scores = confident_scores(labels, confidence=0.6) + rng.uniform(0, 0.01, (len(labels), NUM_CLASSES))
    a_1 = np.flatnonzero(labels == 0)[0]
    scores[a_1, 7] = 0.3  # some evidence for the missing 8 is not enough to take a 1 away
    assert karyotype_string(assign_classes(scores)) == '45,XY,-8'


@pytest.mark.parametrize('karyotype', ['46,XX', '46,XY', '45,X', '47,XXY', '47,XYY'])
def test_sex_chromosomes_read_as_the_evidence_says(karyotype):
    labels = labels_of(karyotype)
    assert karyotype_string(assign_classes(confident_scores(labels, confidence=0.995))) == karyotype


def test_ambiguous_sex_chromosome_follows_the_better_hypothesis():
    labels = labels_of('46,XY')
    scores = confident_scores(labels, confidence=0.95)
    y = np.flatnonzero(labels == 23)[0]
    scores[y] = 0.001
    scores[y, 22], scores[y, 23] = 0.6, 0.35  # argmax says X; XX and XY are both normal: keep X
    assert karyotype_string(assign_classes(scores)) == '46,XX'


def brute_force(scores: np.ndarray, penalty: float):
    """Minimise sum -log p + penalty * surplus over every labelling (autosomes, then X, Y)."""
    num_classes = scores.shape[1]
    costs = -np.log(np.clip(scores, 1e-12, None))
    best_cost, best_labels = np.inf, None
    for labels in itertools.product(range(num_classes), repeat=len(scores)):
        counts = np.bincount(labels, minlength=num_classes)
        n_x, n_y = counts[-2], counts[-1]
        surplus = np.maximum(counts[:-2] - 2, 0).sum() + min(
            max(n_x - 2, 0) + n_y, max(n_x - 1, 0) + max(n_y - 1, 0))
        cost = costs[np.arange(len(scores)), labels].sum() + penalty * surplus
        if cost < best_cost:
            best_cost, best_labels = cost, np.array(labels)
    return best_cost, best_labels


def test_assignment_equals_brute_force_on_small_cases():
    rng = np.random.default_rng(0)
    num_changed = 0
    for _ in range(30):
        num_instances = int(rng.integers(1, 7))
        penalty = float(rng.choice([0.0, 0.5, 1.5, 3.0]))
        # 3 autosomes, X, Y; peaked scores so surplus copies and both sex hypotheses occur.
        scores = rng.dirichlet(np.full(5, 0.3), size=num_instances)
        labels = assign_classes(scores, extra_penalty=penalty)
        np.testing.assert_array_equal(labels, brute_force(scores, penalty)[1])
        num_changed += bool(np.any(labels != argmax_classes(scores)))
    assert num_changed >= 5, 'too few cases where the prior matters to test the solver'


def test_solver_reports_the_minimum_cost():
    # The shared slot takes instance 2 as class 1; instance 1 pays for the extra class-0 slot.
    costs = np.array([[0.0, 5.0], [0.1, 4.0], [2.0, 0.3]])
    labels, total = solve_slot_assignment(costs, [((0, ), 0.0), ((0, 1), 0.0), ((0, ), 1.0)])
    np.testing.assert_array_equal(labels, [0, 0, 1])
    assert total == pytest.approx(1.4)


def test_no_instances_and_bad_input():
    assert assign_classes(np.zeros((0, NUM_CLASSES))).shape == (0, )
    with pytest.raises(ValueError, match='shape'):
        assign_classes(np.zeros(NUM_CLASSES))
    with pytest.raises(ValueError, match='non-negative'):
        assign_classes(-np.ones((2, NUM_CLASSES)))
    with pytest.raises(ValueError, match='extra_penalty'):
        assign_classes(np.ones((2, NUM_CLASSES)), extra_penalty=-1)
