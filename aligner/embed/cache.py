"""A persistent embedding cache: re-checking unchanged text does no embedding work.

Vectors live in one SQLite file keyed by (encoder name, text), in WAL mode with a busy
timeout, so concurrent runs and parallel workers are safe and a crash never leaves a torn entry.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ..errors import say
from .base import Encoder


def default_cache_dir() -> Path:
    if "ALIGNER_CACHE_DIR" in os.environ:
        return Path(os.environ["ALIGNER_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "aligner"


def _key(name: str, text: str) -> bytes:
    return hashlib.blake2b(f"{name}\0{text}".encode(), digest_size=20).digest()


class CachedEncoder:
    """Wraps an encoder; embeds only the texts the cache has not seen with that encoder."""

    def __init__(self, encoder: Encoder, directory: Path | None = None, warn: Callable[[str], None] = say) -> None:
        self.encoder = encoder
        self.name = encoder.name
        # Token vectors are asked for a few texts per finding: not worth caching.
        self.token_vectors = getattr(encoder, "token_vectors", None)
        self.hits = 0
        self.misses = 0
        self._warn = warn
        directory = directory or default_cache_dir()
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._db: sqlite3.Connection | None = sqlite3.connect(directory / "embeddings.sqlite3", timeout=60)
            # WAL: readers never wait for a writer, so parallel workers (aligner check --jobs) share one cache.
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")
        except (OSError, sqlite3.Error) as exc:
            self._give_up(f"the embedding cache in {directory} cannot be used ({exc})")

    def _give_up(self, why: str) -> None:
        """A cache that cannot be read or written (read-only, full disk, corrupt) costs time, never the run."""
        self._warn(f"warning: {why}: embedding without a cache")
        self._db = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [_key(self.name, text) for text in texts]
        found = dict(self._lookup(set(keys)))
        missing = list(dict.fromkeys(text for text, key in zip(texts, keys) if key not in found))
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if missing:
            vectors = self.encoder.encode(missing)
            rows = [(_key(self.name, text), vector.astype(np.float32).tobytes()) for text, vector in zip(missing, vectors)]
            self._store(rows)
            found.update(rows)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([np.frombuffer(found[key], dtype=np.float32) for key in keys])

    def _store(self, rows: list[tuple[bytes, bytes]]) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
        except sqlite3.Error as exc:
            self._give_up(f"the embedding cache cannot be written ({exc})")

    def _lookup(self, keys: set[bytes]) -> list[tuple[bytes, bytes]]:
        if self._db is None:
            return []
        keys_list, rows = list(keys), []
        try:
            for i in range(0, len(keys_list), 500):
                chunk = keys_list[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows += self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk).fetchall()
        except sqlite3.Error as exc:
            self._give_up(f"the embedding cache cannot be read ({exc})")
            return []
        return rows
