"""The count of what a review changed in a draft, field by field."""

from __future__ import annotations

from typing import Any

from benchmarks.review_changes import changes, main


def _figure(quantity: str, quote: str, **fields: Any) -> dict[str, Any]:
    return {"quantity": quantity, "kind": "actual", "evidence": {"quote": quote}, **fields}


DRAFT: dict[str, Any] = {
    "indicators": [
        _figure("5年", "连续5年荣获全国"),
        _figure("11家", "11家商会", metric="chambers_visited"),
        _figure("约12个", "现场签约12个项目"),
        _figure("7次", "今年已开展各类主题活动7次", period="2022-01/2022-10"),
        _figure("230余场次", "举办各类培训230余场次", metric="training_sessions_held"),
    ]
}

REVIEWED: dict[str, Any] = {
    "actions": [
        {
            "measures": [
                {
                    "indicators": [
                        _figure("11家", "11家商会同步建立党组织"),
                        _figure("12个", "现场签约12个项目"),
                    ]
                }
            ],
            "indicators": [
                _figure("7次", "今年已开展各类主题活动7次", period="2022-01/2022-10"),
                _figure(
                    "230余场次",
                    "举办各类培训230余场次",
                    metric="training_sessions_held",
                    kind="target",
                    as_of="2022-10-31",
                ),
            ],
        }
    ],
    "indicators": [_figure("2000余名", "覆盖党员2000余名")],
}


def test_each_change_is_counted_once_under_its_field() -> None:
    found = changes(DRAFT, REVIEWED)
    assert (found.drafted, found.reviewed) == (5, 5)
    assert (found.added, found.dropped) == (1, 1)  # 2000余名 added, 5年 dropped
    assert found.reread == 1  # 约12个 read as 12个, matched by its quote
    assert found.retyped == 1 and found.redated == 1  # 230余场次
    assert found.remetricked == 1  # 11家, matched though its quote grew
    assert found.total == 6


def test_a_draft_reviewed_unchanged_counts_nothing() -> None:
    assert changes(DRAFT, DRAFT).total == 0


def test_traditional_script_matches_its_simplified_review() -> None:
    draft = {"indicators": [_figure("3.6萬余個", "提供就業崗位3.6萬余個")]}
    reviewed = {"indicators": [_figure("3.6万余个", "提供就业岗位3.6万余个")]}
    assert changes(draft, reviewed).total == 0


def test_the_script_prints_one_line(tmp_path: Any, capsys: Any) -> None:
    import json

    (tmp_path / "d.json").write_text(json.dumps(DRAFT), encoding="utf-8")
    (tmp_path / "yucheng-2022.json").write_text(json.dumps(REVIEWED), encoding="utf-8")
    assert main([str(tmp_path / "d.json"), str(tmp_path / "yucheng-2022.json")]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("yucheng-2022: 5 drafted, 5 reviewed figures: 6 changes (added 1,")
