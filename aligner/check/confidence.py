"""A finding's confidence: the probability that a careful bilingual reader agrees it is a real problem.

One model per family of findings (``family``), fitted by ``benchmarks/calibrate.py`` on the dev
parts of the benchmark corpora with scikit-learn — a logistic regression over the finding's
evidence, then isotonic calibration — and shipped as ``confidence.json`` beside this module.
Here it is evaluated with numpy alone, so the command line never imports scikit-learn.

Severity follows: an error or warning whose confidence is under its family's bar in the model
file's ``info_below`` is reported as info (the bars are chosen on dev, see calibrate.py).
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from importlib import resources

import numpy as np

from ..model import Finding, Severity

MODEL_FILE = "confidence.json"


def family(finding: Finding) -> str:
    """The group of findings one model covers: number kinds together, omissions by level, added
    clauses apart from added sentences (no model yet: ``check.clauses.added_clause_findings``)."""
    if finding.kind.startswith("number_") and finding.kind != "number_format":
        return "number"
    if finding.kind == "omission" or (finding.kind, finding.level) == ("addition", "clause"):
        return f"{finding.kind}:{finding.level}"
    return finding.kind


@lru_cache(maxsize=1)
def load_models() -> dict:
    path = resources.files("aligner.check") / MODEL_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"families": {}, "info_below": {}}


def probability(model: dict, evidence: dict[str, float]) -> float:
    """Calibrated probability from one family's model: a constant, or logistic regression then isotonic map."""
    if "constant" in model:
        return float(model["constant"])
    features = np.array([evidence.get(name, 0.0) for name in model["features"]])
    z = float(((features - model["mean"]) / model["scale"]) @ np.array(model["coef"]) + model["intercept"])
    raw = 1.0 / (1.0 + np.exp(-z))
    return float(np.interp(raw, model["isotonic_x"], model["isotonic_y"]))


def info_below(finding: Finding) -> float:
    """The confidence under which the finding, an error or a warning by its rule, is reported as info."""
    return load_models()["info_below"].get(family(finding), 0.0)


def with_confidence(finding: Finding, evidence: dict[str, float]) -> Finding:
    """The finding with its evidence, confidence and the severity that follows from it."""
    models = load_models()
    model = models["families"].get(family(finding))
    if model is None:
        return replace(finding, evidence=evidence)
    confidence = round(probability(model, evidence), 4)
    severity = finding.severity
    if severity is not Severity.INFO and confidence < info_below(finding):
        severity = Severity.INFO
    return replace(finding, evidence=evidence, confidence=confidence, severity=severity)
