# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers of the report tests of the suite's modules: PDF rendering with
wkhtmltopdf, its text with pdftotext, the XLSX of an export wizard."""

import base64
import io
import shutil
import subprocess
import tempfile

import openpyxl


class ReportTestMixin:
    """Mixed into a TransactionCase whose class has a ``supervisor`` user."""

    def _render_pdf(self, report, records, user=None):
        """The PDF of ``report`` on ``records`` as ``user`` (the supervisor
        by default); skipped without wkhtmltopdf."""
        if not shutil.which("wkhtmltopdf"):
            self.skipTest("wkhtmltopdf is not installed")
        # wkhtmltopdf would fetch the assets from this very server, which
        # waits for the test's transaction: render without them, at once
        self.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(user or self.supervisor)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, records.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf

    def _pdf_text(self, pdf):
        """The text of ``pdf``, pages separated by form feeds; skipped
        without pdftotext."""
        if not shutil.which("pdftotext"):
            self.skipTest("pdftotext is not installed")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf_file:
            pdf_file.write(pdf)
            pdf_file.flush()
            return subprocess.run(
                ["pdftotext", "-layout", pdf_file.name, "-"],
                capture_output=True,
                check=True,
                text=True,
            ).stdout

    def _skip_without_multipage_pdf(self):
        """wkhtmltopdf built without its patched Qt cannot render several
        pages at once (whatever the report)."""
        if (
            shutil.which("wkhtmltopdf")
            and "patched qt"
            not in subprocess.run(
                ["wkhtmltopdf", "--version"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
        ):
            self.skipTest("wkhtmltopdf without patched Qt renders one page only")

    @staticmethod
    def _has_cjk_font():
        """Whether a font for Chinese is installed (CI installs one)."""
        if not shutil.which("fc-list"):
            return False
        fonts = subprocess.run(
            ["fc-list", ":lang=zh"], capture_output=True, text=True, check=False
        ).stdout
        return bool(fonts.strip())

    @staticmethod
    def _workbook(wizard):
        """The XLSX file an export wizard produced, opened."""
        return openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data)))
