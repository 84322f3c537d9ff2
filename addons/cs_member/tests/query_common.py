# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Query budgets of the suite's hot paths: the cost of a batch operation or of
a report must not grow with the number of records, and stays under an
absolute budget."""


class QueryBudgetMixin:
    """Mixed into a TransactionCase."""

    def _queries(self, func):
        """The number of SQL queries of ``func()``: pending writes are flushed
        and the record caches cleared before, its writes flushed after."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def assertQueriesDoNotGrow(self, counts, budget):
        """``counts`` (from :meth:`_queries`, on more and more records, after
        a warm-up run) are all the same, and at most ``budget``."""
        self.assertEqual(
            len(set(counts)), 1, f"the query count grows with the records: {counts}"
        )
        self.assertLessEqual(
            counts[0], budget, f"{counts[0]} queries, over the budget of {budget}"
        )
