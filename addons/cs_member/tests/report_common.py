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
        by default). wkhtmltopdf is required (.ci/run installs it)."""
        self.assertTrue(
            shutil.which("wkhtmltopdf"), "wkhtmltopdf is required: see .ci/run"
        )
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
        """The text of ``pdf``, pages separated by form feeds. pdftotext
        (poppler-utils) is required (.ci/run installs it)."""
        self.assertTrue(
            shutil.which("pdftotext"), "pdftotext (poppler-utils) is required"
        )
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

    def _assert_cjk_font(self):
        """A font for Chinese is installed (.ci/run installs one): without
        it the PDFs print boxes instead of Chinese."""
        fonts = subprocess.run(
            ["fc-list", ":lang=zh"], capture_output=True, text=True, check=False
        ).stdout
        self.assertTrue(fonts.strip(), "a Chinese font is required: see .ci/run")

    @staticmethod
    def _workbook(wizard):
        """The XLSX file an export wizard produced, opened."""
        return openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data)))
