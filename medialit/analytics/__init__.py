"""Class analytics over the store's answers frame: pure pandas, no Streamlit, no database.

Every function takes the store's ``answers_frame()`` (one row per attempt) and the frames built
from the lessons (:func:`question_frame`, :func:`option_frame`); the mark that counts is the
``final_earned`` (teacher's override, else the automatic score) of each learner's latest
complete attempt. Vectorised: 1,000 learners x 5 lessons take well under half a second.

- :mod:`.frames` — the question/option frames, :func:`latest`, :func:`marks_matrix`, and
  :func:`typed_rows`, which reads a frame as the row dataclass its producer declares (``*Row``);
- :mod:`.items` — facility, discrimination index, Cronbach's alpha (Moodle's formulas);
- :mod:`.roster` — the roster and the per-skill profile;
- :mod:`.choices` — the options chosen, with each wrong option's misconception;
- :mod:`.ratings` — first impression vs final rating, discernment and bias;
- :mod:`.heatmap` — how many learners marked each character of a document;
- :mod:`.gradebook` — one row per learner with totals out of the whole session, per skill, per question.
"""

from __future__ import annotations

from medialit.analytics.choices import OptionShareRow, common_misconceptions, option_distribution
from medialit.analytics.frames import (
    OptionRow,
    QuestionRow,
    columns_of,
    latest,
    marks_matrix,
    option_frame,
    question_frame,
    typed_rows,
)
from medialit.analytics.gradebook import GradeColumn, grade_columns, gradebook
from medialit.analytics.heatmap import expected_spans, heat_counts, marked_spans
from medialit.analytics.items import (
    Alpha,
    ItemRow,
    cronbach_alpha,
    discrimination,
    item_analysis,
    item_stats,
    lesson_alpha,
    lesson_items,
)
from medialit.analytics.ratings import (
    ClassDiscernment,
    DiscernmentRow,
    ImpressionMeanRow,
    class_discernment,
    discernment,
    impression_means,
    impressions,
    rating_values,
)
from medialit.analytics.roster import RosterRow, SkillShareRow, roster, skill_profile, student_skills

__all__ = [
    "Alpha",
    "ClassDiscernment",
    "DiscernmentRow",
    "GradeColumn",
    "ImpressionMeanRow",
    "ItemRow",
    "OptionRow",
    "OptionShareRow",
    "QuestionRow",
    "RosterRow",
    "SkillShareRow",
    "class_discernment",
    "columns_of",
    "common_misconceptions",
    "cronbach_alpha",
    "discernment",
    "discrimination",
    "expected_spans",
    "grade_columns",
    "gradebook",
    "heat_counts",
    "impression_means",
    "impressions",
    "item_analysis",
    "item_stats",
    "latest",
    "lesson_alpha",
    "lesson_items",
    "marked_spans",
    "marks_matrix",
    "option_distribution",
    "option_frame",
    "question_frame",
    "rating_values",
    "roster",
    "skill_profile",
    "student_skills",
    "typed_rows",
]
