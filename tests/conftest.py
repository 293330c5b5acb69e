"""Shared fixtures: the ../shared folder (present in CI), small inputs built by hand, a temporary database."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_71625c077ce69a1e.txt"
EVAL = SHARED / "eval"


def need_shared(path: Path) -> Path:
    """Skip (with the reason) when ../shared is absent; it is present in CI."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the ../shared evaluation folder is not mounted next to the project")
    return path


@pytest.fixture
def seed_path() -> Path:
    return need_shared(SEED)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


GOOD_ARTICLE_1 = """Monday, March 9th 2020

March 8, 2020 10:15 am

Iraqi Premier Meets US Envoy in Baghdad

By Lena Hartmann

Iraqi Prime Minister Adel Abdul Mahdi met the US ambassador in Baghdad on Saturday to discuss the security of foreign troops.

The United States condemned the rocket attack on Camp Taji that killed two American soldiers on Wednesday.

Share this Story: Share On Facebook Share On Twitter
"""

GOOD_ARTICLE_2 = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Iran fires missiles at US bases</title>
<meta name="author" content="Sam Ortiz"><meta property="article:published_time" content="2020-01-08T09:00:00+00:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Iran fires missiles at US bases</h1>
<p>Iran fired more than a dozen ballistic missiles at two Iraqi bases hosting American troops early on Wednesday, the Pentagon said.</p>
<p>The Iraqi government condemned the attack as a violation of the country's sovereignty, officials in Baghdad said on Wednesday.</p>
<p>President Donald Trump said the United States would impose new sanctions on Iran after the strikes on the bases.</p>
</article><footer>Copyright 2020 Example News. All rights reserved.</footer></body></html>
"""
