"""Helpers for testing masswork plugins: a sample plan and schedule
(:func:`sample_plan`, :func:`sample_schedule`, :func:`sample_export_input`), hostile text
(:func:`with_text`), hypothesis strategies (:mod:`masswork.testing.strategies`, needs
hypothesis) and pytest fixtures (:mod:`masswork.testing.fixtures`)."""

from .sample import sample_export_input, sample_plan, sample_schedule, with_text

__all__ = ["sample_plan", "sample_schedule", "sample_export_input", "with_text"]
