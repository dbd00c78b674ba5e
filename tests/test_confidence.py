"""The confidence model: features, fitting, and the shipped weights."""

from etl.confidence import FEATURES, ConfidenceModel, features, fit
from etl.reference import load_reference
from etl.settings import load_settings


def row(**kw):
    base = {"rule": "verb", "strength": 0.9, "source_how": "direct", "target_how": "direct", "modality": "asserted",
            "negated": False, "headline": False, "sentence_tokens": 20, "quoted": False, "distance": 3}
    return {**base, **kw}


def test_features_describe_how_it_was_found():
    f = features(row(rule="noun-joint+governor", target_how="coref", modality="planned"), support=2)
    assert set(f) == set(FEATURES)
    assert f["rule_governor"] == f["rule_joint"] == f["rule_noun"] == f["target_coref"] == 1.0
    assert f["planned"] == f["supported"] == 1.0 and f["conditional"] == 0.0


def test_fit_learns_which_features_predict_errors():
    good = [(features(row(), 1), True)] * 40
    bad = [(features(row(target_how="coref", quoted=True), 1), False)] * 10
    weights = fit(good + bad, l2=0.1)
    model = ConfidenceModel(weights)
    assert model.score(features(row(), 1)) > 0.9
    assert model.score(features(row(target_how="coref", quoted=True), 1)) < 0.5


def test_shipped_weights_are_a_probability_model():
    reference = load_reference(load_settings(environ={}).seeds_dir)
    model = ConfidenceModel.from_rows(reference.lexicon["confidence"])
    assert set(model.weights) == set(FEATURES)
    direct = model.score(features(row(), 2))
    doubtful = model.score(features(row(source_how="coref", target_how="coref", quoted=True, headline=True), 1))
    assert 0 < doubtful < direct < 1
