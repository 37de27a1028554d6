"""Performance management forms (绩效管理表), indicator values and scoring.

The budget stage publishes performance targets (绩效目标表) for projects and
for whole departments; the final-accounts stage publishes self-evaluations
(绩效自评表), scored in the national format or, in older documents, unscored.
This package models those forms, reads their indicator values
(:class:`IndicatorValue`), recomputes their scores (:func:`score`) and audits
them (:data:`FORM_RULES`, :func:`check_forms`).

Hypothesis strategies live in :mod:`govbudget.performance.strategies`, which
is not imported here so that the library does not need hypothesis.
"""

from govbudget.performance._forms import (
    Continuity,
    CostItem,
    DepartmentTargetForm,
    Form,
    FundsRow,
    FundsRowKind,
    Grade,
    LegacySelfEvaluation,
    LegacyTarget,
    LegacyTargetKind,
    MainTask,
    ProjectAttribute,
    ProjectTargetForm,
    QuarterlySchedule,
    ScheduleKind,
    ScoredIndicator,
    SelfEvaluation,
)
from govbudget.performance._indicators import (
    CURRENT_PLACEMENTS,
    OLDER_PLACEMENTS,
    FirstLevel,
    Indicator,
    SecondLevel,
)
from govbudget.performance._render import UnknownFormatError, render, to_rows
from govbudget.performance._rules import FORM_RULES, FormCheckOptions, FormRule, check_forms
from govbudget.performance._scoring import (
    EqualRule,
    QualitativeRule,
    ScoreLine,
    ScoreSheet,
    ScoringConfigError,
    ScoringWeights,
    execution_rate,
    grade_of,
    score,
)
from govbudget.performance._values import (
    Completion,
    IndicatorValue,
    IndicatorValueError,
    Operator,
    ValueKind,
    completion_of,
)

__all__ = [
    "CURRENT_PLACEMENTS",
    "FORM_RULES",
    "OLDER_PLACEMENTS",
    "Completion",
    "Continuity",
    "CostItem",
    "DepartmentTargetForm",
    "EqualRule",
    "FirstLevel",
    "Form",
    "FormCheckOptions",
    "FormRule",
    "FundsRow",
    "FundsRowKind",
    "Grade",
    "Indicator",
    "IndicatorValue",
    "IndicatorValueError",
    "LegacySelfEvaluation",
    "LegacyTarget",
    "LegacyTargetKind",
    "MainTask",
    "Operator",
    "ProjectAttribute",
    "ProjectTargetForm",
    "QualitativeRule",
    "QuarterlySchedule",
    "ScheduleKind",
    "ScoreLine",
    "ScoreSheet",
    "ScoredIndicator",
    "ScoringConfigError",
    "ScoringWeights",
    "SecondLevel",
    "SelfEvaluation",
    "UnknownFormatError",
    "ValueKind",
    "check_forms",
    "completion_of",
    "execution_rate",
    "grade_of",
    "render",
    "score",
    "to_rows",
]
