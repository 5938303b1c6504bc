"""The committed renderings the evaluation scripts change and score (perturb.py, vary.py)."""
import os

ROOT = "Samples"
FOLDERS = ["real", "fixtures", "habits", "zero-marks"]


def inputs(kinds):
    """(name, kind, path, gold path) of each committed rendering of `kinds` with a gold file."""
    found = []
    for folder in FOLDERS:
        variants = os.path.join(ROOT, folder, "variants")
        if not os.path.isdir(variants):
            continue
        for name in sorted(os.listdir(variants)):
            gold = os.path.join(ROOT, folder, "gold", name + ".json")
            for kind in kinds:
                path = os.path.join(variants, name, f"{name}.{kind}")
                if os.path.exists(gold) and os.path.exists(path):
                    found.append((name, kind, path, gold))
    return found


def same(got, want):
    """Whether a cell's value is the gold's: both null, or equal numbers."""
    return (got is None and want is None) or (got is not None and want is not None and abs(float(got) - float(want)) < 1e-6)
