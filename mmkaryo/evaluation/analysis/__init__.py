"""Error analysis over dumped predictions and training logs, used by tools/analysis_tools/ (the figures
are drawn by :mod:`mmkaryo.visualization`)."""
from mmkaryo.evaluation.analysis.curves import find_scalar_files, read_scalars
from mmkaryo.evaluation.analysis.per_image import ImageErrors, errors_of_dump, image_errors, worst_images

__all__ = ['ImageErrors', 'errors_of_dump', 'image_errors', 'worst_images', 'find_scalar_files', 'read_scalars']
