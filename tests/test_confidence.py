"""The confidence model: features, fitting, and the shipped weights."""

from etl.confidence import FEATURES, ConfidenceModel, annotate_context, features, fit
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


def test_article_context_marks_busy_sentences_rare_countries_and_clashing_types():
    def mention(start, source, target, typ):
        return row(sentence_start=start, source_iso3=source, target_iso3=target, type=typ)
    found = [mention(0, "USA", "JPN", "cooperation"), mention(0, "JPN", "USA", "cooperation"),
             mention(50, "USA", "JPN", "cooperation"),
             mention(90, "CHN", "JPN", "threat"), mention(90, "USA", "PRK", "rejection"),
             mention(90, "USA", "JPN", "rejection"), mention(90, "USA", "JPN", "cooperation")]
    annotate_context(found)
    plain, busy_rare, clash = features(found[2], 2), features(found[4], 1), features(found[5], 1)
    assert plain["busy_sentence"] == plain["minor_actor"] == plain["conflicting_types"] == 0.0
    assert busy_rare["busy_sentence"] == busy_rare["minor_actor"] == 1.0  # three pairs; PRK only here
    assert clash["conflicting_types"] == 1.0 and busy_rare["conflicting_types"] == 0.0
