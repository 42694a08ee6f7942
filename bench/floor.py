"""The floor: read and parse every .yaml file under a folder with PyYAML's C safe loader.

Nothing else: no checks, no models, no cache. A whole process, as `claimtrack validate` is.

    python bench/floor.py DATASET_DIR
"""

from __future__ import annotations

import os
import sys

import yaml


def main(root: str) -> None:
    files = 0
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(".yaml"):
                with open(os.path.join(folder, name), "rb") as handle:
                    yaml.load(handle.read(), Loader=yaml.CSafeLoader)
                files += 1
    print(f"{files} files parsed")


if __name__ == "__main__":
    main(sys.argv[1])
