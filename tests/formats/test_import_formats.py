"""Reading import files: our YAML/JSON/CSV format, ClaimReview, and each kind of bad input."""

from __future__ import annotations

import json

import pytest

from knowledge import InvalidImport
from knowledge.formats import MAX_IMPORT_BYTES, read_import

YAML_DOC = b"""\
statements:
  - text: Sweden joined NATO on 7 March 2024.
    kind: event
    event_date: 2024-03-07
    source: {title: nato.int, url: "https://www.nato.int/", published: 2024-03-07}
    entities: [sweden, nato]
rules:
  - pattern: nato applicant sweden
    applies_from: 2024-03-07
    explanation: Sweden has been a NATO member since 7 March 2024.
"""

CLAIM_REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example/nato-sanctions",
    "datePublished": "2023-02-02",
    "claimReviewed": "NATO has imposed sanctions on Russia.",
    "author": {"@type": "Organization", "name": "Example Check"},
    "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": "False"},
    "itemReviewed": {
        "@type": "Claim",
        "datePublished": "2023-01-30",
        "author": {"@type": "Organization", "name": "a news blog"},
    },
}


def test_our_yaml_gives_statements_and_rules() -> None:
    batch = read_import(YAML_DOC, filename="kb.yaml")
    [statement] = batch.statements
    assert statement.text == "Sweden joined NATO on 7 March 2024."
    assert statement.event_date == "2024-03-07"
    assert statement.source.url == "https://www.nato.int/"
    assert batch.rules[0].applies_from == "2024-03-07"


def test_json_list_and_csv_are_read() -> None:
    listed = json.dumps([{"text": "A fact.", "external_id": "x-1"}]).encode()
    assert read_import(listed, filename="a.json").statements[0].external_id == "x-1"
    table = b"text,event_date,source_url\nSomething happened.,2022-05-18,https://e.example/\n"
    [row] = read_import(table, filename="a.csv").statements
    assert (row.event_date, row.kind) == ("2022-05-18", "event")
    assert row.source.url == "https://e.example/"


@pytest.mark.parametrize(
    "document",
    [
        pytest.param(CLAIM_REVIEW, id="one-review"),
        pytest.param({"@context": "https://schema.org", "@graph": [CLAIM_REVIEW]}, id="graph"),
        pytest.param([CLAIM_REVIEW], id="list"),
        pytest.param(
            {
                "@type": "DataFeed",
                "dataFeedElement": [{"@type": "DataFeedItem", "item": [CLAIM_REVIEW]}],
            },
            id="datafeed",
        ),
    ],
)
def test_claimreview_becomes_a_rated_claim_with_its_review(document: object) -> None:
    [statement] = read_import(json.dumps(document).encode(), filename="review.jsonld").statements
    assert statement.text == "NATO has imposed sanctions on Russia."
    assert statement.review is not None
    assert (statement.review.checker, statement.review.rating) == ("Example Check", "False")
    assert (statement.review.review_date, statement.review.claim_date) == (
        "2023-02-02",
        "2023-01-30",
    )
    assert statement.review.claimant == "a news blog"
    assert (
        statement.external_id == statement.review.url == "https://factcheck.example/nato-sanctions"
    )


def _problems(data: bytes, filename: str = "") -> str:
    with pytest.raises(InvalidImport) as caught:
        read_import(data, filename=filename)
    return str(caught.value)


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        pytest.param(b"", "a.yaml", "empty", id="empty"),
        pytest.param(b"statements: [text: 'x'\n", "a.yaml", "not valid YAML", id="bad-yaml"),
        pytest.param(b'{"statements": [', "a.json", "not valid JSON", id="bad-json"),
        pytest.param(b"title,url\nx,y\n", "a.csv", "'text' column", id="csv-without-text"),
        pytest.param(b"\xff\xfe\x00binary", "a.yaml", "not UTF-8", id="binary"),
        pytest.param(b"hello: world\n", "a.yaml", "Unknown section", id="unknown-section"),
    ],
)
def test_unreadable_files_are_rejected_clearly(data: bytes, filename: str, expected: str) -> None:
    assert expected in _problems(data, filename)


def test_each_bad_record_is_listed_with_position_and_field() -> None:
    data = b"""\
statements:
  - text: Fine.
  - kind: event
  - text: Dated.
    event_date: 2022-13-45
  - text: 42.5
    entities: 7
rules:
  - pattern: "(?i)minsk.*"
    explanation: raw regular expressions are not allowed
"""
    message = _problems(data, "a.yaml")
    assert "record 2, field 'text'" in message
    assert "record 3, field 'event_date'" in message
    assert "record 4, field 'entities'" in message
    assert "record 1, field 'pattern'" in message


def test_claimreview_without_a_rating_is_a_bad_record() -> None:
    review = {k: v for k, v in CLAIM_REVIEW.items() if k != "reviewRating"}
    assert "field 'reviewRating'" in _problems(json.dumps(review).encode(), "r.json")


def test_a_ten_megabyte_file_is_refused_before_parsing() -> None:
    message = _problems(b"a" * 10_000_000, "big.yaml")
    assert f"{MAX_IMPORT_BYTES:,} bytes" in message


def test_a_source_given_as_one_string_is_a_url_or_a_title_in_every_input() -> None:
    from knowledge import Source

    assert Source.named(" https://news.example/a ") == Source(url="https://news.example/a")
    assert Source.named("httpbin digest") == Source(title="httpbin digest")  # not a link
    batch = read_import(b"statements:\n  - {text: A fact., source: httpbin digest}\n")
    assert batch.statements[0].source == Source.named("httpbin digest")  # seeds read the same
