"""The README's table of who may do what is the code's, not a copy.

The table between ``<!-- security-table -->`` and ``<!-- /security-table -->``
in README.md is generated from the access rights (``ir.model.access``) and
record rules (``ir.rule``) of the installed suite, as a user of each role
gets them. When the rights change, this test fails and prints the new table;
``CS_WRITE_SECURITY_TABLE=1 make test PYTEST_ARGS='-k security_table'``
writes it into README.md.
"""

import os
import re
import unittest
from pathlib import Path

from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
BEGIN, END = "<!-- security-table -->", "<!-- /security-table -->"
ROLES = (
    ("Agent", "base.group_user,cs_member.group_cs_agent"),
    ("Supervisor", "base.group_user,cs_member.group_cs_supervisor"),
    ("Quality", "base.group_user,cs_member.group_cs_quality"),
    ("Manager", "base.group_user,cs_member.group_cs_manager"),
    ("Other department", "base.group_user"),
    ("Portal", "base.group_portal"),
)
OPERATIONS = (("read", "r"), ("write", "w"), ("create", "c"), ("unlink", "d"))


# narrowed runs (make test MODULES=...) may not install the whole suite
SUITE_INSTALLED = "cs_kpi" in os.environ.get("CS_MODULES", "cs_kpi")


@unittest.skipUnless(SUITE_INSTALLED, "the table describes the whole suite")
@tagged("post_install", "-at_install")
class TestSecurityTable(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = [
            (label, new_test_user(cls.env, f"cs_table_{i}", groups=groups))
            for i, (label, groups) in enumerate(ROLES)
        ]

    def _suite_models(self):
        modules = self.env["ir.module.module"].search(
            [("name", "=like", "cs\\_%"), ("state", "=", "installed")]
        )
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.model"), ("module", "in", modules.mapped("name"))]
        )
        names = self.env["ir.model"].browse(data.mapped("res_id")).mapped("model")
        return sorted(
            name
            for name in set(names)
            if name in self.env
            and name.startswith("cs.")
            and not self.env[name]._abstract
            and not self.env[name]._transient
        )

    def _is_restricted(self, model, mode, user):
        """Whether the record rules of the user's groups (not the global,
        company ones) narrow what the role reaches: one rule of theirs that
        lets everything through lifts the others (group rules add up)."""
        Rule = self.env["ir.rule"].with_user(user)
        rules = Rule._get_rules(model, mode=mode).sudo().filtered("groups")
        if not rules:
            return False
        context = Rule._eval_context()
        return not any(
            safe_eval(rule.domain_force or "[]", context) in ([], [(1, "=", 1)])
            for rule in rules
        )

    def _cell(self, model, user):
        letters = ""
        for mode, letter in OPERATIONS:
            if (
                not self.env["ir.model.access"]
                .with_user(user)
                .check(model, mode, raise_exception=False)
            ):
                continue
            restricted = self._is_restricted(model, mode, user)
            letters += letter if restricted else letter.upper()
        return letters or "–"

    def _table(self):
        head = "| Model | " + " | ".join(label for label, _user in self.users) + " |"
        rows = [head, "| --- |" + " :---: |" * len(self.users)]
        for model in self._suite_models():
            cells = [self._cell(model, user) for _label, user in self.users]
            rows.append(f"| `{model}` | " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def test_security_table(self):
        installed = self.env["ir.module.module"].search_count(
            [("name", "=like", "cs\\_%"), ("state", "=", "installed")]
        )
        shipped = len(list((REPO / "addons").glob("cs_*/__manifest__.py")))
        if installed < shipped:
            self.skipTest("the table describes the whole suite: install every module")
        table = self._table()
        text = README.read_text(encoding="utf-8")
        pattern = re.compile(re.escape(BEGIN) + r"\n(.*?)" + re.escape(END), re.S)
        match = pattern.search(text)
        self.assertTrue(match, f"README.md has no {BEGIN} … {END} section")
        if os.environ.get("CS_WRITE_SECURITY_TABLE"):
            README.write_text(
                pattern.sub(lambda _m: f"{BEGIN}\n{table}\n{END}", text),
                encoding="utf-8",
            )
            return
        self.assertEqual(
            match.group(1).strip(),
            table,
            "README.md's security table differs from the access rights and rules; "
            "the table they give is:\n" + table,
        )
