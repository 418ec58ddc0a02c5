"""Class analytics on small frames whose results are computed by hand in the comments."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from classframes import answers, questions

from medialit import analytics as an
from medialit.format.loader import load_lesson

KIT = Path(__file__).resolve().parent / "kit"

# Four learners who answered the three scored questions of lesson L, and a fifth who stopped after q1.
#        q1 (max 1)  q2 (max 1)  q3 (max 2)  | total
#   S1       1           1           2       |   4
#   S2       1           0           2       |   3
#   S3       0           1           1       |   2
#   S4       0           0           1       |   1    (q3: automatic 0, teacher's override 1)
#   S5       0           -           -       |        (excluded from discrimination and alpha)
# S2 answered q2 twice: 1 then 0; the latest attempt counts. S3 sent an empty q1 after a 0: ignored.
QUESTIONS = questions([
    {"question_id": "q1", "skill": "sourcing"},
    {"question_id": "q2", "skill": "framing"},
    {"question_id": "q3", "skill": "loaded_language", "points": 2.0},
    {"question_id": "opinion", "type": "rating", "points": 0.0},
])
ANSWERS = answers([
    {"learner_id": 1, "question_id": "q1", "earned": 1.0},
    {"learner_id": 1, "question_id": "q2", "earned": 1.0},
    {"learner_id": 1, "question_id": "q3", "earned": 2.0, "possible": 2.0},
    {"learner_id": 2, "question_id": "q1", "earned": 1.0},
    {"learner_id": 2, "question_id": "q2", "earned": 1.0},
    {"learner_id": 2, "question_id": "q2", "earned": 0.0, "attempt": 2},
    {"learner_id": 2, "question_id": "q3", "earned": 2.0, "possible": 2.0},
    {"learner_id": 3, "question_id": "q1", "earned": 0.0},
    {"learner_id": 3, "question_id": "q1", "earned": 0.0, "attempt": 2, "status": "incomplete"},
    {"learner_id": 3, "question_id": "q2", "earned": 1.0},
    {"learner_id": 3, "question_id": "q3", "earned": 1.0, "possible": 2.0},
    {"learner_id": 4, "question_id": "q1", "earned": 0.0},
    {"learner_id": 4, "question_id": "q2", "earned": 0.0},
    {"learner_id": 4, "question_id": "q3", "earned": 0.0, "possible": 2.0, "override": 1.0},
    {"learner_id": 4, "question_id": "opinion", "earned": 0.0, "possible": 0.0, "raw": {"value": 3}},
    {"learner_id": 5, "question_id": "q1", "earned": 0.0},
])


def stats() -> pd.DataFrame:
    marks = an.latest(ANSWERS)
    return an.item_stats(marks, QUESTIONS, "L").set_index("question_id")


def test_latest_keeps_the_last_complete_attempt_and_the_teachers_override():
    marks = an.latest(ANSWERS).set_index(["learner_id", "question_id"])
    assert marks.loc[(2, "q2"), "final_earned"] == 0.0  # attempt 2 replaces attempt 1
    assert marks.loc[(3, "q1"), "status"] == "complete"  # the empty attempt 2 is not a mark
    assert marks.loc[(4, "q3"), ["earned", "final_earned"]].tolist() == [0.0, 1.0]


def test_facility_is_the_mean_mark_over_the_max_mark_of_those_who_answered():
    table = stats()
    # q1: (1 + 1 + 0 + 0 + 0) / 5 learners = 0.4, max 1 -> 0.4
    assert table.loc["q1", "facility"] == pytest.approx(0.4)
    assert table.loc["q1", "answered"] == 5
    # q2: (1 + 0 + 1 + 0) / 4 = 0.5 -> 0.5
    assert table.loc["q2", "facility"] == pytest.approx(0.5)
    # q3: (2 + 2 + 1 + 1) / 4 = 1.5, max 2 -> 0.75 (S4's override 1 counts, not the automatic 0)
    assert table.loc["q3", "facility"] == pytest.approx(0.75)
    assert "opinion" not in table.index  # unscored questions have no item statistics


def test_discrimination_is_100_times_the_correlation_with_the_rest_of_the_test():
    table = stats()
    # q1: x = [1, 1, 0, 0], rest = total - x = [3, 2, 2, 1]; means 0.5 and 2
    #     centred x = [.5, .5, -.5, -.5], centred rest = [1, 0, 0, -1]
    #     sum(x·rest) = .5 + 0 + 0 + .5 = 1; sum(x²) = 1; sum(rest²) = 2 -> r = 1/√2 -> 70.71
    assert table.loc["q1", "discrimination"] == pytest.approx(100 / np.sqrt(2))
    # q2: x = [1, 0, 1, 0], rest = [3, 3, 1, 1]; centred [.5, -.5, .5, -.5] and [1, 1, -1, -1]
    #     sum(x·rest) = .5 - .5 - .5 + .5 = 0 -> 0
    assert table.loc["q2", "discrimination"] == pytest.approx(0.0)
    # q3: x = [2, 2, 1, 1], rest = [2, 1, 1, 0]; centred [.5, .5, -.5, -.5] and [1, 0, 0, -1] -> 1/√2 -> 70.71
    assert table.loc["q3", "discrimination"] == pytest.approx(100 / np.sqrt(2))


def test_cronbachs_alpha_on_complete_cases():
    alpha = an.lesson_alpha(an.latest(ANSWERS), QUESTIONS, "L")
    # var (n-1) of q1 [1,1,0,0] = (4 × .25)/3 = 1/3; q2 [1,0,1,0] = 1/3; q3 [2,2,1,1] = 1/3; sum = 1
    # totals [4, 3, 2, 1]: mean 2.5, squared deviations 2.25 + .25 + .25 + 2.25 = 5 -> var 5/3
    # alpha = 3/2 × (1 - 1 / (5/3)) = 1.5 × 0.4 = 0.6
    assert alpha.value == pytest.approx(0.6)
    assert (alpha.students, alpha.questions, alpha.reason) == (4, 3, "")


def test_cronbachs_alpha_counting_unanswered_questions_as_zero():
    alpha = an.lesson_alpha(an.latest(ANSWERS), QUESTIONS, "L", missing="zero")
    # S5 joins with [0, 0, 0]. q1 [1,1,0,0,0]: mean .4, squared deviations .36+.36+.16+.16+.16 = 1.2 -> var .3
    # q2 [1,0,1,0,0] -> .3; q3 [2,2,1,1,0]: mean 1.2, .64+.64+.04+.04+1.44 = 2.8 -> .7; sum 1.3
    # totals [4,3,2,1,0]: mean 2, 4+1+0+1+4 = 10 -> var 2.5; alpha = 1.5 × (1 - 1.3/2.5) = 1.5 × .48 = 0.72
    assert alpha.value == pytest.approx(0.72)
    assert alpha.students == 5


@pytest.mark.parametrize(("learners", "question_ids", "reason"), [
    ([1, 2], ["q1", "q2", "q3"], "too_few_students"),
    ([1, 2, 3, 4], ["q1"], "too_few_questions"),
])
def test_alpha_is_none_with_its_reason_when_it_cannot_be_computed(learners, question_ids, reason):
    rows = ANSWERS[ANSWERS["learner_id"].isin(learners) & ANSWERS["question_id"].isin(question_ids)]
    alpha = an.lesson_alpha(an.latest(rows), QUESTIONS[QUESTIONS["question_id"].isin(question_ids)], "L")
    assert (alpha.value, alpha.reason) == (None, reason)


def test_alpha_is_none_when_every_learner_has_the_same_total():
    same = answers([{"learner_id": s, "question_id": q, "earned": 1.0} for s in (1, 2, 3) for q in ("a", "b")])
    alpha = an.lesson_alpha(an.latest(same), questions([{"question_id": "a"}, {"question_id": "b"}]), "L")
    assert (alpha.value, alpha.reason) == (None, "no_variance")


def test_discrimination_is_nan_for_a_question_everybody_got_right():
    same_q = answers([{"learner_id": s, "question_id": "a", "earned": 1.0} for s in (1, 2, 3)]
                     + [{"learner_id": s, "question_id": "b", "earned": float(s % 2)} for s in (1, 2, 3)])
    table = an.item_stats(an.latest(same_q), questions([{"question_id": "a"}, {"question_id": "b"}]), "L")
    assert np.isnan(table.set_index("question_id").loc["a", "discrimination"])


def test_roster_lists_every_learner_with_progress_score_and_where_they_are():
    learners = pd.DataFrame({"learner_id": [1, 2, 3, 4, 5, 6], "pseudonym": [f"S{i}" for i in range(1, 7)],
                             "last_seen_at": pd.to_datetime(["2026-03-02 08:00"] * 6, utc=True)})
    table = an.roster(ANSWERS, QUESTIONS, learners).set_index("learner_id")
    # S1: 3 of 4 questions answered; 1 + 1 + 2 = 4 of 4 points on the scored ones answered -> 100 %
    assert table.loc[1, ["answered", "total", "score", "possible"]].tolist() == [3, 4, 4.0, 4.0]
    assert table.loc[1, "percent"] == pytest.approx(100.0)
    # S4: 4 answered (the opinion too); 0 + 0 + 1 (override) = 1 of 4 -> 25 %
    assert table.loc[4, ["answered", "score"]].tolist() == [4, 1.0]
    assert table.loc[4, "percent"] == pytest.approx(25.0)
    assert table.loc[4, "progress"] == pytest.approx(1.0)
    # S6 joined and has not answered yet: listed, nothing done, last seen when joining
    assert table.loc[6, ["answered", "score"]].tolist() == [0, 0.0]
    assert np.isnan(table.loc[6, "percent"])
    assert table.loc[6, "last_activity"] == pd.Timestamp("2026-03-02 08:00", tz="UTC")
    # where they are: the question of their latest answer, or the one their progress points at
    assert table.loc[5, "current_question"] == "q1"
    progress = pd.DataFrame({"learner_id": [5], "lesson_id": ["L"], "current_index": [1],
                             "updated_at": pd.to_datetime(["2026-03-02 10:00"], utc=True)})
    moved = an.roster(ANSWERS, QUESTIONS, learners, progress).set_index("learner_id")
    assert moved.loc[5, "current_question"] == "q2"
    assert moved.loc[5, "last_activity"] == pd.Timestamp("2026-03-02 10:00", tz="UTC")


def test_roster_counts_written_answers_waiting_for_review():
    rows = answers([{"learner_id": 1, "question_id": "q1", "earned": 0.5, "needs_review": True},
                    {"learner_id": 2, "question_id": "q1", "earned": 0.5, "needs_review": True, "override": 1.0}])
    table = an.roster(rows, QUESTIONS).set_index("learner_id")
    assert table["to_review"].tolist() == [1, 0]  # an override means the teacher has read it


def test_skill_profile_sums_earned_over_possible_per_skill():
    table = an.skill_profile(ANSWERS, QUESTIONS).set_index("skill")
    # sourcing = q1: 1 + 1 + 0 + 0 + 0 = 2 of 5 × 1
    assert table.loc["sourcing", ["earned", "possible"]].tolist() == [2.0, 5.0]
    # framing = q2: 1 + 0 + 1 + 0 = 2 of 4
    assert table.loc["framing", "share"] == pytest.approx(0.5)
    # loaded_language = q3: 2 + 2 + 1 + 1 = 6 of 4 × 2 = 8 -> 0.75
    assert table.loc["loaded_language", "share"] == pytest.approx(0.75)
    assert list(table.index) == ["sourcing", "framing", "loaded_language"]


def test_student_skills_gives_each_learners_share_per_skill():
    table = an.student_skills(ANSWERS, QUESTIONS)
    assert table.loc[3].tolist() == pytest.approx([0.0, 1.0, 0.5])  # q1 0/1, q2 1/1, q3 1/2


def kit_lesson():
    return load_lesson(KIT / "lessons" / "class-lesson.yaml", KIT).loaded


def test_option_distribution_counts_each_option_and_names_the_misconception():
    lesson = kit_lesson().lesson
    qs, options = an.question_frame([lesson]), an.option_frame([lesson], "en")
    picks = ["tass", "interview", "interview", "afp"]
    rows = answers([{"learner_id": i + 1, "lesson_id": "class-lesson", "question_id": "who-quotes",
                     "earned": float(p == "tass"), "raw": {"selected": [p]}} for i, p in enumerate(picks)]
                   + [{"learner_id": 1, "lesson_id": "class-lesson", "question_id": "charged", "earned": 1.0,
                       "raw": {"selected": ["poncifs", "sommet"]}}])
    table = an.option_distribution(rows, options)
    who = table[table["question_id"] == "who-quotes"].set_index("option_id")
    # 4 answers: tass 1/4, interview 2/4, afp 1/4
    assert who["count"].tolist() == [1, 2, 1]
    assert who["share"].tolist() == pytest.approx([0.25, 0.5, 0.25])
    assert who.loc["interview", "misconception"] == "Believing *at face value*"
    charged = table[table["question_id"] == "charged"].set_index("option_id")
    assert charged["count"].to_dict() == {"poncifs": 1, "pele-mele": 0, "sommet": 1, "bruxelles": 0}
    assert an.common_misconceptions(table)["option_id"].tolist() == ["interview"]
    assert qs.set_index("question_id").loc["first-impression", "impression"] == "before"


RATINGS = questions([
    {"question_id": "first", "type": "rating", "points": 0.0, "impression": "before"},
    {"question_id": "final", "type": "rating", "points": 1.0, "impression": "after"},
    {"question_id": "r1", "type": "rating", "points": 0.0, "veracity": "reliable"},
    {"question_id": "r2", "type": "rating", "points": 0.0, "veracity": "reliable"},
    {"question_id": "u1", "type": "rating", "points": 0.0, "veracity": "unreliable"},
    {"question_id": "u2", "type": "rating", "points": 0.0, "veracity": "unreliable"},
])


def rated(values: dict[int, dict[str, int]]):
    return answers([{"learner_id": s, "question_id": q, "earned": 0.0, "raw": {"value": v}}
                    for s, given in values.items() for q, v in given.items()])


def test_first_impression_against_final_rating_per_student_and_class_means():
    rows = rated({1: {"first": 4, "final": 2}, 2: {"first": 3, "final": 2}, 3: {"first": 5}})
    table = an.impressions(rows, RATINGS).set_index("learner_id")
    assert table.loc[1, ["before", "after", "change"]].tolist() == [4, 2, -2]
    assert np.isnan(table.loc[3, "after"])
    means = an.impression_means(table.reset_index()).iloc[0]
    # the same two students on both sides: before (4 + 3) / 2 = 3.5; after (2 + 2) / 2 = 2; change -1.5;
    # student 3 gave only a first impression and is left out of the means (and counted as such)
    assert [means["before"], means["after"], means["change"], means["pairs"]] == [3.5, 2, -1.5, 2]
    assert means["after"] - means["before"] == means["change"]
    assert (means["only_before"], means["only_after"]) == (1, 0)


def test_discernment_separates_telling_apart_from_trusting_everything():
    rows = rated({
        1: {"r1": 5, "r2": 4, "u1": 1, "u2": 2},  # discerning: 4.5 - 1.5 = 3, mean 3
        2: {"r1": 2, "r2": 2, "u1": 2, "u2": 2},  # cynical: 0, mean 2
        3: {"r1": 5, "r2": 5, "u1": 5, "u2": 5},  # naive: 0, mean 5
    })
    table = an.discernment(rows, RATINGS).set_index("learner_id")
    assert table["discernment"].tolist() == [3.0, 0.0, 0.0]
    assert table["mean_rating"].tolist() == [3.0, 2.0, 5.0]
    klass = an.class_discernment(rows, RATINGS)
    # class: (3 + 0 + 0) / 3 = 1; every rating (12 + 8 + 20) / 12 = 3.33; reliable (9+4+10)/6, unreliable (3+4+10)/6
    assert klass.discernment == pytest.approx(1.0)
    assert klass.mean_rating == pytest.approx(40 / 12)
    assert (klass.reliable, klass.unreliable) == (pytest.approx(23 / 6), pytest.approx(17 / 6))
    assert klass.students == 3


def test_heatmap_counts_learners_per_character_and_overlaps_of_one_learner_once():
    rows = answers([
        {"learner_id": 1, "question_id": "h", "earned": 0.5, "raw": {"spans": [[2, 5], [4, 8]]}},
        {"learner_id": 2, "question_id": "h", "earned": 0.5, "raw": {"spans": [[0, 3]]}},
        {"learner_id": 3, "question_id": "h", "earned": 0.5, "raw": {"spans": [[6, 10], [50, 60]]}},
        {"learner_id": 4, "question_id": "other", "earned": 0.5, "raw": {"spans": [[0, 20]]}},
    ])
    # S1 [2,8) after merging, S2 [0,3), S3 [6,10) (the mark past the end is clipped away)
    #   index: 0 1 2 3 4 5 6 7 8 9 10..19
    assert an.heat_counts(rows, "L", "h", 20) == [1, 1, 2, 1, 1, 1, 2, 2, 1, 1] + [0] * 10


def test_expected_spans_are_the_gold_passages_of_the_document():
    loaded = kit_lesson()
    spans = an.expected_spans(loaded, "scare")
    assert [loaded.text[s:e] for s, e in spans] == ["poncifs anti-russes", "l'annexion"]
    assert an.expected_spans(loaded, "who-quotes") == []


def big_class(students: int = 1000, lessons: int = 5, per_lesson: int = 12) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(7)
    qs = questions([{"lesson_id": f"L{lesson}", "question_id": f"q{j}", "order": j,
                     "skill": ("sourcing", "framing", "loaded_language")[j % 3],
                     "type": "choice" if j % 4 else "rating", "points": 1.0 if j % 4 else 0.0}
                    for lesson in range(lessons) for j in range(per_lesson)])
    n = students * lessons * per_lesson
    frame = pd.DataFrame({
        "answer_id": np.arange(n), "learner_id": np.repeat(np.arange(students), lessons * per_lesson),
        "pseudonym": "x", "class_session_id": 1,
        "lesson_id": np.tile(np.repeat([f"L{i}" for i in range(lessons)], per_lesson), students),
        "question_id": np.tile([f"q{j}" for j in range(per_lesson)], students * lessons),
        "attempt": 1, "raw": [{"selected": ["a"], "value": 3}] * n, "earned": rng.integers(0, 2, n).astype(float),
        "possible": 1.0, "status": "complete", "needs_review": False, "override_comment": None, "content_hash": "h",
        "created_at": pd.Timestamp("2026-03-02", tz="UTC") + pd.to_timedelta(np.arange(n), unit="ms"),
        "override_at": pd.NaT,
    })
    frame["final_earned"] = frame["earned"]
    return frame, qs


def test_item_analysis_of_every_lesson_at_once_matches_one_lesson_at_a_time():
    marks = an.latest(ANSWERS)
    table, alphas = an.item_analysis(marks, QUESTIONS)
    assert table.drop(columns="lesson_id").equals(an.item_stats(marks, QUESTIONS, "L"))
    assert alphas["L"].value == pytest.approx(0.6)


def test_a_thousand_students_by_five_lessons_take_well_under_half_a_second():
    frame, qs = big_class()

    def dashboard() -> None:
        an.roster(frame, qs)
        an.skill_profile(frame, qs)
        an.item_analysis(an.latest(frame), qs)

    timings = []
    for _ in range(3):  # best of three, in CPU time: other processes on a busy test machine do not count
        start = time.process_time()
        dashboard()
        timings.append(time.process_time() - start)
    assert min(timings) < 0.5, f"{min(timings):.3f} s of CPU for {len(frame)} answers"


def test_every_analysis_works_before_anybody_has_answered():
    from medialit.store.answer_feed import FRAME_COLUMNS

    empty = pd.DataFrame(columns=list(FRAME_COLUMNS))  # what the store returns for a new session
    lesson = kit_lesson().lesson
    qs, options = an.question_frame([lesson]), an.option_frame([lesson])
    learners = pd.DataFrame({"learner_id": [1], "pseudonym": ["Renard"], "last_seen_at": [pd.Timestamp.now("UTC")]})
    assert an.roster(empty, qs, learners)["answered"].tolist() == [0]
    table, alphas = an.item_analysis(an.latest(empty), qs)
    assert table["answered"].sum() == 0 and alphas["class-lesson"].reason == "too_few_students"
    assert an.skill_profile(empty, qs)["earned"].sum() == 0
    assert an.option_distribution(empty, options)["count"].sum() == 0
    assert an.impressions(empty, qs).empty and an.discernment(empty, qs).empty
    assert an.class_discernment(empty, qs).discernment is None
    assert an.heat_counts(empty, "class-lesson", "scare", 5) == [0] * 5
    assert an.question_frame([]).empty and an.roster(empty, an.question_frame([])).empty


def test_each_row_type_names_the_columns_of_its_frame_in_order():
    lesson = kit_lesson().lesson
    ratings = rated({1: {"first": 4, "final": 2, "r1": 5, "u1": 1}})
    frames = [
        (an.question_frame([lesson]), an.QuestionRow),
        (an.option_frame([lesson]), an.OptionRow),
        (an.option_distribution(ANSWERS, an.option_frame([lesson])), an.OptionShareRow),
        (stats().reset_index(), an.ItemRow),
        (an.roster(ANSWERS, QUESTIONS), an.RosterRow),
        (an.skill_profile(ANSWERS, QUESTIONS), an.SkillShareRow),
        (an.discernment(ratings, RATINGS), an.DiscernmentRow),
        (an.impression_means(an.impressions(ratings, RATINGS)), an.ImpressionMeanRow),
    ]
    for frame, row_type in frames:
        assert list(frame.columns) == an.columns_of(row_type), row_type.__name__


def test_typed_rows_reads_a_frame_by_column_name_and_names_a_missing_column():
    frame = pd.DataFrame({"share": [0.5, np.nan], "skill": ["framing", "sourcing"], "earned": [1.0, 0.0],
                          "possible": [2.0, 0.0], "students": [3, 0], "extra": ["ignored", "ignored"]})
    rows = list(an.typed_rows(frame, an.SkillShareRow))
    assert rows[0] == an.SkillShareRow(skill="framing", earned=1.0, possible=2.0, students=3, share=0.5)
    assert np.isnan(rows[1].share)
    with pytest.raises(KeyError, match="students"):
        list(an.typed_rows(frame.drop(columns="students"), an.SkillShareRow))
