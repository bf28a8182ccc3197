"""Metaphase context: a chromosome is named better beside its homologue.

The two copies of an autosome in one cell look alike (length, centromere, banding), so the class of
the chromosome that looks most like chromosome i is evidence for i's class (KaryoNet's pairing idea,
here as a rescoring that needs no training). :func:`homologue_support` multiplies each chromosome's
class probabilities by the class distribution of its likely homologues, found by the cosine similarity
of the classifier's embeddings within the metaphase, raised to ``weight``:

    p'_i(k)  ∝  p_i(k) * (sum_j w_ij p_j(k) + eps) ** weight,   w_i = softmax_j≠i(cos(f_i, f_j) / temperature)

``weight = 0`` leaves the probabilities unchanged. The karyotype-constrained assignment then reads the
classes from ``p'`` as from ``p``.
"""
import numpy as np

_EPS = 1e-3


def homologue_support(probs: np.ndarray, features: np.ndarray, weight: float,
                      temperature: float = 0.1) -> np.ndarray:
    """Rescore the (N, K) class probabilities of one metaphase's chromosomes by their likely homologues.

    Args:
        probs: (N, K) class probabilities (rows sum to 1).
        features: (N, D) embeddings of the same chromosomes.
        weight: exponent of the homologues' support, >= 0.
        temperature: softness of the homologue weights over cosine similarity, > 0.

    Returns:
        (N, K) float64 probabilities, rows summing to 1 (``probs`` itself when N < 2 or weight = 0).
    """
    probs = np.asarray(probs, dtype=np.float64)
    features = np.asarray(features, dtype=np.float64)
    if probs.ndim != 2 or features.ndim != 2 or len(probs) != len(features):
        raise ValueError(f'probs (N, K) and features (N, D) must describe the same N chromosomes, got '
                         f'{probs.shape} and {features.shape}')
    if weight < 0 or temperature <= 0:
        raise ValueError(f'weight must be >= 0 and temperature > 0, got {weight} and {temperature}')
    if len(probs) < 2 or weight == 0:
        return probs
    unit = features / np.clip(np.linalg.norm(features, axis=1, keepdims=True), 1e-12, None)
    logits = unit @ unit.T / temperature
    np.fill_diagonal(logits, -np.inf)
    homologue = np.exp(logits - logits.max(axis=1, keepdims=True))
    homologue /= homologue.sum(axis=1, keepdims=True)
    rescored = probs * (homologue @ probs + _EPS)**weight
    return rescored / rescored.sum(axis=1, keepdims=True)
