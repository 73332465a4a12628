"""Closed intervals of integers."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Interval:
    """The integers from low to high, both included."""

    low: int
    high: int

    def __len__(self) -> int:
        return max(0, self.high - self.low + 1)

    def overlaps(self, other: "Interval") -> bool:
        return self.low <= other.high and other.low <= self.high
