"""The auditor: rules, rounding policies, findings and reports."""

from govbudget.audit.accept import Acceptance, load_acceptances, parse_acceptances
from govbudget.audit.context import AuditContext, AuditOptions, Figure
from govbudget.audit.policy import (
    ExactPolicy,
    IntervalPolicy,
    RoundingPolicy,
    TolerancePolicy,
    parse_policy,
)
from govbudget.audit.registry import RULES, Rule, rule, select_rules
from govbudget.audit.report import Report
from govbudget.audit.run import audit
from govbudget.findings import Category, Finding, Severity

__all__ = [
    "RULES",
    "Acceptance",
    "AuditContext",
    "AuditOptions",
    "Category",
    "ExactPolicy",
    "Figure",
    "Finding",
    "IntervalPolicy",
    "Report",
    "RoundingPolicy",
    "Rule",
    "Severity",
    "TolerancePolicy",
    "audit",
    "load_acceptances",
    "parse_acceptances",
    "parse_policy",
    "rule",
    "select_rules",
]
