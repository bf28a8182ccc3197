"""Rank test images by FN + FP and draw the worst ones, ground truth beside prediction.

    python tools/test.py CONFIG CHECKPOINT --out results.pkl
    python tools/analysis_tools/worst_images.py CONFIG results.pkl --out-dir worst/ [--top 4]
"""
import argparse
import os.path as osp

import mmcv
from mmengine.config import DictAction
from mmengine.utils import mkdir_or_exist

from mmkaryo.evaluation.analysis import errors_of_dump, worst_images
from mmkaryo.evaluation.metrics.sample_instances import ground_truth, predictions
from mmkaryo.visualization import draw_instances, side_by_side


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description='Draw the test images with most FN + FP')
    parser.add_argument('config', help='the config the results were tested with')
    parser.add_argument('results', help='predictions dumped by tools/test.py --out (.pkl)')
    parser.add_argument('--out-dir', required=True, help='where to write the figures')
    parser.add_argument('--top', type=int, default=4, help='how many images to draw')
    parser.add_argument('--iou-thr', type=float, default=0.5)
    parser.add_argument('--score-thr', type=float, default=0.5)
    parser.add_argument('--cfg-options', nargs='+', action=DictAction, help='override config settings')
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    dataset, errors = errors_of_dump(args.config, args.results, args.cfg_options, args.iou_thr,
                                     args.score_thr)
    class_names = dataset.metainfo['classes']
    mkdir_or_exist(args.out_dir)
    ranked = worst_images(errors, args.top)
    print(f'worst images (FN + FP), dataset indices: {ranked}')
    for rank, index in enumerate(ranked):
        item = errors[index]
        sample = dict(item.result, ori_shape=(item.data_info['height'], item.data_info['width']),
                      instances=item.data_info['instances'], with_mask=True)
        gt, pred = ground_truth(sample, require_masks=True), predictions(sample, args.score_thr)
        image = mmcv.imread(item.data_info['img_path'], flag='color')
        figure = side_by_side(draw_instances(image, gt.rles, gt.labels, class_names),
                              draw_instances(image, pred.rles or [], pred.labels, class_names),
                              'ground truth', f'prediction: FN {item.fn}, FP {item.fp}')
        name = osp.splitext(osp.basename(item.data_info['img_path']))[0]
        out_file = osp.join(args.out_dir, f'{rank:02d}_{name}.png')
        mmcv.imwrite(figure, out_file)
        print(f'{rank}: index {index} {item.data_info["img_path"]} FN {item.fn} FP {item.fp} -> {out_file}')


if __name__ == '__main__':
    main()
