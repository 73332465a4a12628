from uv_lib import Interval


def test_length_counts_both_ends() -> None:
    assert len(Interval(3, 5)) == 3


def test_touching_intervals_overlap() -> None:
    assert Interval(1, 2).overlaps(Interval(2, 4))
    assert not Interval(1, 2).overlaps(Interval(3, 4))
