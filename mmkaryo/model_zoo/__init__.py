"""Models shipped inside the package (package data, no code).

``mfish_24class/`` holds the default model of :class:`mmkaryo.apis.KaryotypeInferencer` and
``tools/analyze.py``: ``config.py`` (a self-contained config dumped by mmengine's ``Config.dump``;
its top-level ``score_thr`` and ``image_polarity``, when present, tell the inferencer how to read
images, see :mod:`mmkaryo.apis.model_keys`), ``weights.pth`` (the model's state dict, floating tensors
in fp16) and ``LICENSE-MFISH.txt`` (the licence of the M-FISH data it was trained on, which travels
with it). Write the three with
``python tools/model_zoo/package_model.py CONFIG CHECKPOINT --out-dir mmkaryo/model_zoo/mfish_24class``.
"""
