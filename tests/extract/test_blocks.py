"""HTML -> paragraphs at block boundaries, with figures and captions marked."""

from __future__ import annotations

import pytest

from eventwire.extract.blocks import Block, html_blocks, html_paragraphs


@pytest.mark.parametrize(
    ("html", "paragraphs"),
    [
        ("<div>a <b>bold</b> word</div>", ["a bold word"]),
        ("<p>one<br>two</p><p>three</p>", ["one", "two", "three"]),
        ("<div>lead<p>inner</p>tail</div>", ["lead", "inner", "tail"]),
        ("<ul><li>first</li><li>second</li></ul>", ["first", "second"]),
        ("<p>kept<script>var x = 1;</script> text</p><style>p {}</style>", ["kept text"]),
        ("<p>a <!-- note --> b</p>", ["a b"]),
        ("<p>same</p><p>same</p><p>other</p>", ["same", "other"]),
        ("<p>   </p>", []),
    ],
)
def test_block_boundaries(html: str, paragraphs: list[str]) -> None:
    assert html_paragraphs(html) == paragraphs


def test_figures_and_caption_classes_are_marked() -> None:
    html = (
        "<article><p>Body text.</p><figure><img src='x.jpg'><figcaption>A caption</figcaption></figure>"
        "<p class='wp-caption-text'>Photo: Agency</p><p>More <span class='credit'>inline</span> text.</p></article>"
    )
    assert html_blocks(html) == [
        Block("Body text.", False),
        Block("A caption", True),
        Block("Photo: Agency", True),
        Block("More inline text.", False),
    ]


def test_unparseable_fragment_gives_nothing() -> None:
    assert html_blocks("") == []
