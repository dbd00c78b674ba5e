"""`etl evaluate`: a gold file and its articles in, the scores the README quotes out."""
import json

from etl.evaluate import evaluate


def write_split(directory, articles: dict[str, str], gold: list[dict]):
    (directory / "articles").mkdir()
    for name, text in articles.items():
        (directory / "articles" / name).write_text(text, encoding="utf-8")
    path = directory / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return path


def gold(article, source, target, type_, optional=False):
    return {"article": article, "source": source, "target": target, "type": type_, "optional": optional,
            "evidence": ""}


def test_scores_distinct_keys_and_leaves_optional_ones_out(extractor, tmp_path):
    path = write_split(tmp_path, {
        "a.txt": "Japan condemned North Korea's missile launch.\n\nRussia condemned Ukraine on Monday.\n",
        "b.txt": "China and the Philippines held talks in Manila.\n",
    }, [gold("a.txt", "JPN", "PRK", "rejection"), gold("a.txt", "RUS", "UKR", "rejection", optional=True),
        gold("b.txt", "CHN", "PHL", "cooperation"), gold("b.txt", "PHL", "CHN", "cooperation"),
        gold("b.txt", "USA", "PHL", "cooperation")])
    report = evaluate(extractor, path, [])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (3, 0, 1)
    assert [key for key, _ in report.misses] == [("b.txt", "USA", "PHL", "cooperation")]


def test_countries_restricts_gold_and_predictions_to_their_pairs(extractor, tmp_path):
    path = write_split(tmp_path, {"a.txt": "Japan condemned North Korea.\n\nRussia condemned Ukraine.\n"},
                       [gold("a.txt", "JPN", "PRK", "rejection")])
    assert evaluate(extractor, path, []).micro.fp == 1  # Russia -> Ukraine is not in this gold
    focus = evaluate(extractor, path, [], countries=frozenset({"JPN", "PRK", "USA"}))
    assert (focus.micro.tp, focus.micro.fp, focus.micro.fn) == (1, 0, 0)
