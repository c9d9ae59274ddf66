"""Fixtures for the bot tests: the fake Bot API server and the real bot running against it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))  # for fake_telegram, shared by suites
