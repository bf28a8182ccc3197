"""Error analysis over dumped predictions, used by tools/analysis_tools/."""
from mmkaryo.evaluation.analysis.curves import find_scalar_files, plot_curves, read_scalars
from mmkaryo.evaluation.analysis.drawing import draw_instances, plot_confusion_matrix, side_by_side
from mmkaryo.evaluation.analysis.per_image import ImageErrors, errors_of_dump, image_errors, worst_images

__all__ = [
    'ImageErrors', 'errors_of_dump', 'image_errors', 'worst_images', 'draw_instances', 'plot_confusion_matrix',
    'side_by_side', 'find_scalar_files', 'read_scalars', 'plot_curves'
]
