"""Every picture mmkaryo draws, around one blending function (:func:`blend_masks`).

- :data:`PALETTE` — the colour of each class; :func:`blend_masks` — masks tinted onto an image.
- :func:`render_overlay` — the analysis CLI's overlay of a reading.
- :func:`render_karyogram` — the karyogram (:class:`Karyogram`, :class:`Placement`, :data:`KARYOGRAM_ROWS`).
- :func:`draw_instances`, :func:`side_by_side` — the error analysis's ground truth beside prediction.
- :func:`plot_confusion_matrix`, :func:`plot_curves` — the confusion matrix and learning curves (PNG).
- :func:`render_preview`, :func:`save_preview` — a synthetic image beside its masks.
- :func:`plot_scarcity_curve` — a metric against the share of training images with masks (PNG).
- :func:`plot_loss_curves` — the regime comparison's training losses, one line per regime (PNG).
"""
from mmkaryo.visualization.blend import DEFAULT_ALPHA, blend_masks
from mmkaryo.visualization.confusion import plot_confusion_matrix
from mmkaryo.visualization.curves import plot_curves
from mmkaryo.visualization.figures import draw_instances, side_by_side
from mmkaryo.visualization.karyogram import KARYOGRAM_ROWS, Karyogram, Placement, render_karyogram
from mmkaryo.visualization.loss_curves import plot_loss_curves
from mmkaryo.visualization.overlay import render_overlay
from mmkaryo.visualization.palette import PALETTE
from mmkaryo.visualization.preview import render_preview, save_preview
from mmkaryo.visualization.scarcity_curve import plot_scarcity_curve

__all__ = [
    'DEFAULT_ALPHA', 'KARYOGRAM_ROWS', 'Karyogram', 'PALETTE', 'Placement', 'blend_masks', 'draw_instances',
    'plot_confusion_matrix', 'plot_curves', 'plot_loss_curves', 'plot_scarcity_curve', 'render_karyogram',
    'render_overlay', 'render_preview', 'save_preview', 'side_by_side'
]
