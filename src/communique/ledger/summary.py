"""What an ingest did, in a module without SQLAlchemy: the Parquet loader (also imported by Ray
workers) reports with the same type."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class IngestSummary:
    """Documents new, updated, unchanged and failed (with reasons), statements written, wall time."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    statements: int = 0
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged + len(self.failed)

    @property
    def docs_per_second(self) -> float:
        return self.total / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "failed": [{"path": p, "reason": r} for p, r in self.failed],
                "statements": self.statements, "seconds": round(self.seconds, 3),
                "docs_per_second": round(self.docs_per_second, 1)}
