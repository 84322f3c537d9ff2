# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every user-facing term of every project module is translated into
Simplified Chinese.

The terms are read from the running code and data with Odoo's own exporter
(the same one that writes the .pot), so a new string without a translation
fails here rather than showing up in English to a Chinese user. Demo records
are left out: they tell their story in both languages already.
"""

import ast
import re
from pathlib import Path

import polib
from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

REPO = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}")


def _demo_xmlids(module_dir, module):
    manifest = ast.literal_eval((module_dir / "__manifest__.py").read_text())
    ids = set()
    for name in manifest.get("demo", []):
        if not name.endswith(".xml"):
            continue
        for node in etree.parse(str(module_dir / name)).iter():
            xmlid = node.get("id") if isinstance(node.tag, str) else None
            if xmlid:
                ids.add(xmlid if "." in xmlid else f"{module}.{xmlid}")
    return ids


@tagged("post_install", "-at_install")
class TestTranslationsComplete(TransactionCase):
    def _project_modules(self):
        installed = set(
            self.env["ir.module.module"]
            .search([("state", "=", "installed")])
            .mapped("name")
        )
        return [
            path.parent
            for path in sorted((REPO / "addons").glob("*/__manifest__.py"))
            if path.parent.name in installed
        ]

    def test_zh_cn_translation_complete(self):
        module_dirs = self._project_modules()
        self.assertTrue(module_dirs, "no project module is installed")
        for module_dir in module_dirs:
            module = module_dir.name
            with self.subTest(module=module):
                po_path = module_dir / "i18n" / "zh_CN.po"
                self.assertTrue(po_path.is_file(), f"{po_path} is missing")
                translated = {
                    entry.msgid: entry.msgstr
                    for entry in polib.pofile(str(po_path))
                    if entry.msgstr and "fuzzy" not in entry.flags
                }
                demo = _demo_xmlids(module_dir, module)
                terms = {
                    row[4]
                    for row in TranslationModuleReader(self.env.cr, modules=[module])
                    if row[0] == module and row[3] not in demo
                }
                missing = sorted(term for term in terms if term not in translated)
                self.assertFalse(
                    missing,
                    f"{module}: {len(missing)} term(s) without a zh_CN translation, "
                    f"e.g. {missing[:5]}",
                )
                broken = [
                    msgid
                    for msgid, msgstr in translated.items()
                    if sorted(PLACEHOLDER.findall(msgid))
                    != sorted(PLACEHOLDER.findall(msgstr))
                ]
                self.assertFalse(
                    broken,
                    f"{module}: placeholders differ in translation of {broken[:5]}",
                )
