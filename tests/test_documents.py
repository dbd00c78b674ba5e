"""Reading input files: formats, metadata, and bad input that must be
skipped with a clear reason, never crash."""

import json
from datetime import datetime

from etl.documents import Document, Skipped, canonical_url, content_hash, find_text_date, iter_paths, read_path

LIMITS = dict(max_bytes=100_000, max_chars=50_000)


def read(path):
    return list(read_path(path, **LIMITS))


def test_txt_title_and_sidecar_metadata(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("Japan, Philippines sign pact\n\nMANILA -- Japan and the Philippines signed a pact.\n")
    (tmp_path / "story.meta.json").write_text(json.dumps(
        {"published": "2024-07-08T10:00:00+09:00", "outlet": "Rappler", "url": "https://www.rappler.com/a/?utm_source=x"}))
    [doc] = read(p)
    assert doc.title == "Japan, Philippines sign pact"
    assert doc.text.startswith("Japan, Philippines sign pact\n\nMANILA")  # the title is part of the text
    assert doc.published == datetime(2024, 7, 8, 1, 0)  # stored in UTC
    assert doc.outlet == "Rappler" and doc.date_source == "metadata"
    assert doc.key == "https://rappler.com/a"  # canonical URL is the identity


def test_txt_without_blank_line_has_no_title(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("First sentence is long and not a title.\nSecond line.\n")
    [doc] = read(p)
    assert doc.title is None


def test_json_and_jsonl(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"title": "T", "text": "Seoul protested.", "published": "2024-01-02"}))
    (tmp_path / "many.jsonl").write_text(
        json.dumps({"text": "Tokyo agreed."}) + "\n\n" + "{broken\n" + json.dumps({"title": "x"}) + "\n")
    out = [x for p in iter_paths([tmp_path]) for x in read(p)]
    docs = [x for x in out if isinstance(x, Document)]
    skipped = [x for x in out if isinstance(x, Skipped)]
    assert sorted(d.text for d in docs) == ["T\n\nSeoul protested.", "Tokyo agreed."]
    reasons = sorted(s.reason for s in skipped)
    assert reasons == ["JSON object has no `text` string", "invalid JSON on line 3: Expecting property name enclosed in double quotes"]


def test_html_article_text_is_extracted(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<html><head><title>Seoul, Tokyo hold talks</title>"
                 "<meta property='article:published_time' content='2024-03-01T00:00:00Z'></head><body>"
                 "<nav>Home | World | Sports</nav><article><h1>Seoul, Tokyo hold talks</h1>"
                 "<p>South Korea and Japan held talks in Seoul on Friday on North Korea's missile programme, "
                 "officials said, in the first such meeting in months.</p>"
                 "<p>The two sides agreed to meet again next month.</p></article>"
                 "<footer>Copyright 2024</footer></body></html>")
    [doc] = read(p)
    assert "held talks in Seoul" in doc.text
    assert "Home | World" not in doc.text and "Copyright" not in doc.text
    assert doc.published == datetime(2024, 3, 1)


def test_bad_inputs_are_skipped_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks in Pyongyang".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "huge.txt").write_text("x" * 200_000)
    (tmp_path / "page.html").write_text("<html><body><nav>menu</nav></body></html>")
    (tmp_path / "bad.json").write_text("{not json")
    results = {p.name: read(p) for p in tmp_path.iterdir()}
    reasons = {name: [s.reason for s in out] for name, out in results.items()}
    assert reasons["empty.txt"] == ["empty file"]
    assert reasons["latin1.txt"][0].startswith("not UTF-8: invalid byte 0xe9")
    assert reasons["binary.txt"][0].startswith("binary file")
    assert reasons["huge.txt"][0].startswith("too large: 200000 bytes")
    assert reasons["page.html"] == ["no article text"]
    assert reasons["bad.json"][0].startswith("invalid JSON")


def test_missing_path_and_unsupported_type(tmp_path):
    out = list(iter_paths([tmp_path / "nope"]))
    assert out == [Skipped(str(tmp_path / "nope"), "no such file or directory")]
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert read(pdf)[0].reason.startswith("unsupported file type .pdf")


def test_folder_walk_skips_sidecars_hidden_and_other_files(tmp_path):
    (tmp_path / "a.txt").write_text("Japan protested.")
    (tmp_path / "a.meta.json").write_text("{}")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    assert [p.name for p in iter_paths([tmp_path])] == ["a.txt"]


def test_dates_and_hashes():
    assert find_text_date("SEOUL, April 5, 2024 (Yonhap) -- talks") == datetime(2024, 4, 5).date()
    assert find_text_date("Published 12 Sept 2023 by staff") == datetime(2023, 9, 12).date()
    assert find_text_date("no date here") is None
    assert content_hash("Japan  and\nKorea") == content_hash("japan and korea")
    assert canonical_url("http://www.Example.com/a/b/?b=2&a=1&utm_medium=rss#top") == "https://example.com/a/b?a=1&b=2"
